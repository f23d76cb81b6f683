// The content files the editor may write, and the schema of each: an allow-list, not a check for
// "..". A path is accepted only when it is exactly one of these shapes.
import type { z } from 'zod';
import { CONTENT_FILES, ISSUE_ID } from '../content/load.js';
import { IssueFile, Regions, ReviewRegistry } from '../content/schema.js';

export interface EditableFile {
  /** Relative to the content folder, with forward slashes: "issues/2022-04/issue.yaml". */
  name: string;
  schema: z.ZodType;
  /** The issue the file is, for issue files. */
  issue?: string;
  /** Top-level fields shown but not edited in the form (by key), and why. */
  fixed: Readonly<Record<string, string>>;
}

/**
 * An issue's status is the tool's record, not something typed: a draft marked sent would reach
 * the archive. `approve` and `publish` change it.
 */
export const STATUS_IS_FIXED =
  'Set by the tool, not here: “newsletter approve” records approval, “newsletter publish” the schedule and the send.';

export function editableFile(name: unknown): EditableFile | undefined {
  if (typeof name !== 'string') return undefined;
  if (name === CONTENT_FILES.regions) return { name, schema: Regions, fixed: {} };
  if (name === CONTENT_FILES.reviews) return { name, schema: ReviewRegistry, fixed: {} };
  const m = /^issues\/([^/]+)\/issue\.yaml$/.exec(name);
  if (m && ISSUE_ID.test(m[1]!)) return { name, schema: IssueFile, issue: m[1]!, fixed: { status: STATUS_IS_FIXED } };
  return undefined;
}

/** The fixed field an edit would change, if any: the edit's path runs into it, or it into the edit's. */
export function fixedFieldOf(file: EditableFile, path: readonly (string | number)[]): string | undefined {
  const joined = path.join('.');
  return Object.keys(file.fixed).find((f) => joined === f || joined.startsWith(`${f}.`) || f.startsWith(joined ? `${joined}.` : ''));
}

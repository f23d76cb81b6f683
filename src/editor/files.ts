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
}

export function editableFile(name: unknown): EditableFile | undefined {
  if (typeof name !== 'string') return undefined;
  if (name === CONTENT_FILES.regions) return { name, schema: Regions };
  if (name === CONTENT_FILES.reviews) return { name, schema: ReviewRegistry };
  const m = /^issues\/([^/]+)\/issue\.yaml$/.exec(name);
  if (m && ISSUE_ID.test(m[1]!)) return { name, schema: IssueFile, issue: m[1]! };
  return undefined;
}

// What the studio sends its check worker (check-worker.ts), and what the worker itself needs of it:
// kept apart and light, so the worker's modules stay the checks alone (no MJML, no sharp).
import type { Content, Issue } from '../content/schema.js';
import type { ProjectPaths } from '../pipeline.js';
import type { RenderedIssue } from '../render/index.js';

export interface CheckJob {
  id: number;
  paths: ProjectPaths;
  /** Left out when the worker already holds this content (the last it was sent). */
  content?: Content;
  issue: Issue;
  /** `issue` is an unsaved draft: checked within the content as `withDraft` makes it. */
  draft: boolean;
  rendered: RenderedIssue;
  now: string;
}

/**
 * How much nicer the worker thread is than the studio: the checks give way to the studio's own thread and the browser,
 * so a keystroke's render, on a machine with two cores, does not wait for the last one's checks.
 */
export const CHECKS_NICENESS = 10;

/** The content with an editor's draft of one issue in place of the issue as saved. */
export function withDraft(content: Content, issue: Issue): Content {
  return { ...content, issues: [...content.issues.filter((i) => i.id !== issue.id), issue] };
}

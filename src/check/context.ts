// What every check is given: the validated content, the issue, and its render.
import type { Content, Issue } from '../content/schema.js';
import type { RenderedIssue } from '../render/index.js';
import type { Finding, SectionRef } from './finding.js';

export interface CheckContext {
  content: Content;
  issue: Issue;
  rendered: RenderedIssue;
}

export interface Check {
  /** The first part of every code this check reports, e.g. "size". */
  name: string;
  description: string;
  run(ctx: CheckContext): Finding[] | Promise<Finding[]>;
}

export function sectionRef(issue: Issue, index: number | null | undefined): SectionRef | null {
  if (index === null || index === undefined) return null;
  const s = issue.sections[index];
  return s ? { index, type: s.type, title: s.title } : null;
}

// An issue as it stands now: loaded, rendered, frozen as a snapshot, and checked. Approve and
// proof both start here, so both judge and record exactly the same render.
import { type IssueSnapshot, snapshotOf } from '../archive/snapshot.js';
import type { CheckOptions } from '../check/context.js';
import type { CheckReport } from '../check/finding.js';
import type { Content, Issue } from '../content/schema.js';
import { NewsletterError } from '../errors.js';
import { checkRendered, findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../pipeline.js';

export interface CurrentIssue {
  content: Content;
  issue: Issue;
  snapshot: IssueSnapshot;
  report: CheckReport;
}

export async function currentIssue(paths: ProjectPaths, id: string, now: Date, checks: CheckOptions = {}): Promise<CurrentIssue> {
  const project = await loadProject(paths);
  const content = usableContent(project, [id]);
  const issue = findIssue(content, id);
  const rendered = await renderIssue(content, issue, await loadTemplates(paths));
  const report = await checkRendered(paths, content, issue, rendered, { now, ...checks });
  return { content, issue, snapshot: snapshotOf(content, issue, rendered, now), report };
}

/** Errors from check stop the step, with the first few named. */
export function refuseOnErrors(report: CheckReport, step: string): void {
  if (report.errors === 0) return;
  const errors = report.findings.filter((f) => f.severity === 'error');
  const shown = errors
    .slice(0, 5)
    .map((f) => `  ${f.section ? `section ${f.section.index + 1} (${f.section.type}): ` : ''}${f.message}`)
    .join('\n');
  throw new NewsletterError(
    'check-failed',
    `${report.issue} has ${report.errors} error${report.errors === 1 ? '' : 's'} from check, so it cannot be ${step}:\n${shown}${errors.length > 5 ? `\n  … and ${errors.length - 5} more` : ''}`,
  );
}

export const validActor = (by: string | undefined, what: string): string => {
  const name = by?.trim();
  if (!name) throw new NewsletterError('usage', `say who ${what}: --by "Your Name"`);
  if (/[\u0000-\u001f\u007f]/.test(name) || name.length > 100)
    throw new NewsletterError('usage', '--by must be a name on one line, at most 100 characters');
  return name;
};

// Which renders a change makes stale. An issue's own folder: that issue. regions.yaml: the drafts
// with a regional-links section; reviews.yaml: the drafts with a published-reviews section;
// newsletter.yaml or a template: every draft. An issue shown from its sent record is never
// rendered again for a change outside its folder: the record does not change with them.
import path from 'node:path';
import { CONTENT_FILES } from '../content/load.js';
import type { Issue } from '../content/schema.js';
import type { ProjectPaths } from '../pipeline.js';
import { issuesDir as issuesDirOf } from '../files/project-paths.js';

export function renderScope(
  paths: ProjectPaths,
  changed: readonly string[],
  issues: readonly Issue[],
  frozen: ReadonlySet<string>,
): string[] {
  const ids = new Set<string>();
  const drafts = (uses: (i: Issue) => boolean) => {
    for (const i of issues) if (!frozen.has(i.id) && uses(i)) ids.add(i.id);
  };
  const withSection = (type: string) => (i: Issue) => i.sections.some((s) => s.type === type);
  const issuesDir = issuesDirOf(paths);
  for (const file of changed) {
    const rel = path.relative(issuesDir, file).split(path.sep);
    if (rel[0] !== '..' && !path.isAbsolute(rel[0]!) && rel.length >= 2) ids.add(rel[0]!);
    else if (file === path.join(paths.content, CONTENT_FILES.regions)) drafts(withSection('regional-links'));
    else if (file === path.join(paths.content, CONTENT_FILES.reviews)) drafts(withSection('published-reviews'));
    else drafts(() => true);
  }
  return [...ids];
}

// Where each thing of a project lives, written down once: the content, templates and built site
// folders, an issue's folder, file and sent record, the state folder and the cache. Every other
// module asks here instead of joining 'issues', 'sent' or '.newsletter' by hand.
import path from 'node:path';

/** Where projects keep their content; what the archive and the sent records need of ProjectPaths. */
export interface ContentPaths {
  root: string;
  content: string;
}

export interface ProjectPaths extends ContentPaths {
  templates: string;
  dist: string;
}

export function projectPaths(root = process.cwd()): ProjectPaths {
  return { root, content: path.join(root, 'content'), templates: path.join(root, 'templates'), dist: path.join(root, 'dist') };
}

/** The shared files of content/, beside the issues' folders. */
export const CONTENT_FILES = { newsletter: 'newsletter.yaml', regions: 'regions.yaml', reviews: 'reviews.yaml' } as const;

/** The folder of the state store, the preview secret and the running servers' notes. */
export const STATE_DIR = '.newsletter';
const CACHE_DIR = '.cache';
const ISSUES = 'issues';
const ISSUE_FILE = 'issue.yaml';
export const SENT_DIR = 'sent';

/** content/issues/ */
export const issuesDir = (paths: Pick<ContentPaths, 'content'>): string => path.join(paths.content, ISSUES);

/** content/issues/<id>/ */
export const issueDir = (paths: Pick<ContentPaths, 'content'>, id: string): string => path.join(issuesDir(paths), id);

/** content/issues/<id>/issue.yaml */
export const issueFile = (paths: Pick<ContentPaths, 'content'>, id: string): string => path.join(issueDir(paths, id), ISSUE_FILE);

/** "issues/<id>/issue.yaml": the issue file as named inside content/ (the editor's and the loader's name for it). */
export const issueFileName = (id: string): string => `${ISSUES}/${id}/${ISSUE_FILE}`;

/** content/issues/<id>/sent/: the record of what subscribers received. */
export const sentDir = (paths: Pick<ContentPaths, 'content'>, id: string): string => path.join(issueDir(paths, id), SENT_DIR);

/** dist/issues/<id>/: an issue's page in the built site. */
export const builtIssueDir = (paths: Pick<ProjectPaths, 'dist'>, id: string): string => path.join(paths.dist, ISSUES, id);

/** <root>/.newsletter, or a file in it. */
export const stateDir = (root: string, ...inside: string[]): string => path.join(root, STATE_DIR, ...inside);

/** <root>/.cache, or a folder in it (compiled templates). */
export const cacheDir = (root: string, ...inside: string[]): string => path.join(root, CACHE_DIR, ...inside);

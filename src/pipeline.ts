// The stages in order, and the one place that joins them to the project's folders:
//   content/ --load+validate--> Issue --render--> MJML, email HTML, text, web --checks--> report
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CheckOptions } from './check/context.js';
import { schemaReport } from './check/index.js';
import type { CheckReport } from './check/finding.js';
import { keepTextNotes, recallTextNotes } from './check/text-memory-file.js';
import { readAhead } from './check/read-ahead.js';
import { type CheckHelper, helperOn, startHelper, type StartedHelper } from './check/helper-thread.js';
import { ContentInvalid, type ContentError } from './content/errors.js';
import { NewsletterError } from './errors.js';
import { parseContent, readContentSources } from './content/load.js';
import { parseContentFor } from './content/load-issue.js';
import { parsedStoreIn } from './content/parsed-cache.js';
import { codeVersion } from './code-version.js';
import { imageLibrary, withImages } from './content/load-pictures.js';
import type { Content, Issue } from './content/schema.js';
import { renderIssue, type RenderedIssue, type RenderOptions, type Templates } from './render/index.js';
import { templateStoreIn } from './render/template-cache.js';
import { cacheDir, type ProjectPaths } from './files/project-paths.js';
import { compileTemplates, readTemplateSources } from './render/templates.js';

export { type ProjectPaths, projectPaths } from './files/project-paths.js';
import { checkRendered, wasSent } from './check-rendered.js';

export { checkRendered };

export interface Project {
  paths: ProjectPaths;
  content?: Content;
  errors: ContentError[];
  brokenIssues: string[];
}

/** The project's content; with `issue`, only that issue and what its render needs (content/load-issue.ts). */
export async function loadProject(paths: ProjectPaths, o: { issue?: string } = {}): Promise<Project> {
  if (!existsSync(paths.content)) throw new NotAProject(paths.root);
  const sources = await readContentSources(paths.content, shown(paths, paths.content));
  const kept = { store: parsedStoreIn(cacheDir(paths.root, 'content')), version: codeVersion() };
  const parsed = o.issue === undefined ? parseContent(sources, kept) : parseContentFor(sources, o.issue, kept);
  // Then the pictures the content asks for, found and processed (src/images): a bad one is a located error.
  const loaded = await withImages(parsed, sources, imageLibrary(paths.content, sources.root, paths.root));
  return { paths, ...loaded };
}

export async function loadTemplates(paths: ProjectPaths, helper?: CheckHelper): Promise<Templates> {
  const sources = await readTemplateSources(paths.templates, shown(paths, paths.templates));
  const root = shown(paths, paths.templates);
  const store = templateStoreIn(cacheDir(paths.root, 'templates'));
  // Code the check's helper thread compiled as it started, taken only if compiled from these same
  // texts. The web version's is waited for only when the render first needs it, after the email's MJML.
  if (!helper) return { email: compileTemplates('email', root, sources, store), web: compileTemplates('web', root, sources, store) };
  const email = compileTemplates('email', root, sources, store, await helper.templates('email'));
  const web = helper.templates('web').then((ready) => compileTemplates('web', root, sources, store, ready));
  web.catch(() => undefined); // a template error is thrown where the render awaits it
  return { email, web };
}

/** Files are named relative to the project root in every message: content/issues/2022-04/issue.yaml */
function shown(paths: ProjectPaths, dir: string): string {
  return path.relative(paths.root, dir).split(path.sep).join('/') || '.';
}

/** The content, or every error that stops these issues (shared files, or the issues themselves). */
export function usableContent(project: Project, ids: readonly string[] | 'all'): Content {
  const relevant = errorsFor(project, ids);
  if (!project.content || relevant.length > 0) throw new ContentInvalid(relevant.length ? relevant : project.errors);
  return project.content;
}

/** Errors in shared files, or in the issues asked for; a broken issue does not stop work on another. */
export function errorsFor(project: Project, ids: readonly string[] | 'all'): ContentError[] {
  return project.errors.filter((e) => {
    const broken = project.brokenIssues.find((b) => e.file.includes(`/issues/${b}/`));
    return ids === 'all' || broken === undefined || ids.includes(broken);
  });
}

/** Run outside the project folder: there is no content/ to work on. */
export class NotAProject extends NewsletterError {
  constructor(readonly root: string) {
    super('not-a-project', `there is no content/ folder in ${root} — run newsletter in the project folder`);
    this.name = 'NotAProject';
  }
}

export class UnknownIssue extends NewsletterError {
  constructor(
    readonly id: string,
    readonly known: string[],
  ) {
    super(
      'unknown-issue',
      `there is no issue "${id}" in content/issues/ — ${known.length ? `the issues are: ${known.join(', ')}` : 'create content/issues/<id>/issue.yaml first'}`,
    );
    this.name = 'UnknownIssue';
  }
}

export function findIssue(content: Content, id: string): Issue {
  const issue = content.issues.find((i) => i.id === id);
  if (!issue)
    throw new UnknownIssue(
      id,
      content.issues.map((i) => i.id),
    );
  return issue;
}

/**
 * Render and check one issue; content errors become the schema check's findings. Local images are
 * weighed here, so the checks stay pure. `helper` is the check's helper thread when the caller started
 * it already (bin/newsletter.cjs does, with the templates, for a project's first check).
 */
export async function checkIssue(
  paths: ProjectPaths,
  id: string,
  options: CheckOptions = {},
  helper?: StartedHelper,
): Promise<{ report: CheckReport; rendered?: RenderedIssue }> {
  const started = helper && helperOn(helper.worker, helper.start);
  let used: CheckHelper | undefined;
  try {
    const project = await loadProject(paths, { issue: id });
    const own = errorsFor(project, [id]);
    if (own.length > 0 || !project.content) return { report: schemaReport(id, own.length ? own : project.errors) };
    const issue = findIssue(project.content, id);
    // What the text checks found in unchanged paragraphs last time is taken, not read again; the rest
    // is read on the helper's thread while the email is rendered here, when there is enough of it.
    const notes = cacheDir(paths.root, 'checks');
    recallTextNotes(notes, codeVersion());
    const sent = options.sent ?? (await wasSent(paths, id));
    used = readAhead(project.content, issue, sent, () => started ?? startHelper(), started ? 1 : undefined);
    const rendered = await renderIssue(project.content, issue, await loadTemplates(paths, started));
    const report = await checkRendered(paths, project.content, issue, rendered, { ...options, sent });
    keepTextNotes(notes, codeVersion());
    return { report, rendered };
  } finally {
    started?.close();
    used?.close();
  }
}

export { renderIssue, type RenderOptions };

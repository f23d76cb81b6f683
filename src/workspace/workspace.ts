// The live project behind the preview: the last good content and templates, the errors that
// stand now, and renders cached by issue. Nothing is rendered at start: an issue is rendered when
// first asked for, and a sent issue is never rendered at all, its sent record is what it shows.
// `refresh` is told which files changed and re-renders only what depends on them (renderScope).
import path from 'node:path';
import { readSentSnapshot } from '../archive/sent.js';
import type { CheckReport } from '../check/finding.js';
import { formatContentError } from '../content/errors.js';
import type { Content, Issue } from '../content/schema.js';
import { errorsFor, loadProject, loadTemplates, type Project, type ProjectPaths } from '../pipeline.js';
import { renderIssue, type RenderedIssue, type Templates } from '../render/index.js';
import { TemplateError } from '../render/templates.js';
import { type CachedRender, RenderCache } from './render-cache.js';
import { sharedCheckWorker } from './check-worker.js';
import { issuesDir } from '../files/project-paths.js';
import { renderScope } from './render-scope.js';
import { byCodePoint } from '../order.js';

type Render = typeof renderIssue;

export class Workspace {
  private contentNow?: Content;
  private project?: Project;
  private templates?: Templates;
  private templateError?: string;
  private readonly renderErrors = new Map<string, string>();
  private readonly reports = new Map<string, Promise<CheckReport>>();
  /** The reports above that are done, by the same key, for a page that will not wait for them. */
  private readonly done = new Map<string, CheckReport>();
  private readonly cache = new RenderCache();
  private readonly checks = sharedCheckWorker();
  private queue: Promise<unknown> = Promise.resolve();
  /** Issues shown from their sent record: changes to shared files and templates leave them be. */
  private readonly frozen = new Set<string>();
  private warming = false;

  private constructor(
    readonly paths: ProjectPaths,
    readonly publicUrl: string,
    private readonly renderFn: Render,
  ) {}

  /** `render` is renderIssue; tests pass one that counts. */
  static async open(paths: ProjectPaths, publicUrl: string, o: { render?: Render } = {}): Promise<Workspace> {
    const ws = new Workspace(paths, publicUrl, o.render ?? renderIssue);
    // The check worker loads while the project does.
    ws.checks.worker.warm();
    await ws.reloadTemplates();
    await ws.reloadContent();
    return ws;
  }

  /** The issues as last loaded without errors, oldest first. */
  issues(): Issue[] {
    return this.contentNow?.issues ?? [];
  }

  issue(id: string): Issue | undefined {
    return this.contentNow?.issues.find((i) => i.id === id);
  }

  /** The content as last loaded without errors, or undefined if it never has. */
  content(): Content | undefined {
    return this.contentNow;
  }

  /** The templates as last compiled without errors (the editor's draft renders use them too). */
  templatesNow(): Templates | undefined {
    return this.templates;
  }

  newsletterName(): string {
    return this.contentNow?.newsletter.name ?? 'Newsletter';
  }

  /** What stands in the way now, formatted file:line:column: for one issue, or for the whole project. */
  problems(issue: string | 'all'): string[] {
    const content = this.project ? errorsFor(this.project, issue === 'all' ? 'all' : [issue]).map(formatContentError) : [];
    const renders = [...this.renderErrors].filter(([id]) => issue === 'all' || id === issue).map(([, m]) => m);
    return [...(this.templateError ? [this.templateError] : []), ...content, ...renders];
  }

  /** The current render of an issue, or the last good one when the current one fails. */
  async render(id: string, banner: string | null = null): Promise<CachedRender | undefined> {
    const content = this.contentNow;
    const templates = this.templates;
    const issue = this.issue(id);
    if (!content || !templates || !issue) return undefined;
    const variant = banner === null ? 'plain' : `banner:${banner}`;
    try {
      const got = await this.cache.get(id, variant, async () => {
        // What subscribers received, as the archive shows it; a damaged record is told elsewhere, and rendered here.
        const sent = banner === null ? await readSentSnapshot(this.paths, id).catch(() => undefined) : undefined;
        if (sent) {
          this.frozen.add(id);
          const { html, text, web, hash } = sent.snapshot;
          return { id, mjml: '', html, text, web, hash, mjmlProblems: [] };
        }
        if (banner === null) this.frozen.delete(id);
        return this.renderFn(content, issue, templates, { webUrl: `${this.publicUrl}/archive/${id}/`, banner });
      });
      this.renderErrors.delete(id);
      return got;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      this.renderErrors.set(id, e.message);
      return this.cache.lastGood(id, variant);
    }
  }

  /** The check report for the render shown, at `now` (computed once per render and minute: a send time passes). */
  async report(id: string, now: Date): Promise<CheckReport | undefined> {
    const shown = await this.render(id);
    const issue = this.issue(id);
    if (!shown || !issue || !this.contentNow) return undefined;
    const key = `${shown.seq}:${Math.floor(now.getTime() / 60_000)}`;
    let report = this.reports.get(key);
    if (!report) {
      for (const old of this.reports.keys())
        if (old.startsWith(`${shown.seq}:`)) {
          this.reports.delete(old);
          this.done.delete(old);
        }
      // In a worker, with a time budget: one issue's checks never stop the studio answering (check-worker.ts).
      report = this.checks.worker.run(this.paths, this.contentNow, issue, shown.rendered, now).then((r) => {
        if (this.reports.get(key) === report) this.done.set(key, r);
        return r;
      });
      this.reports.set(key, report);
    }
    return report;
  }

  /**
   * Checks of a render that is not the issue's own (the editor's unsaved draft of `issue`, within
   * `content`: see `withDraft`), in the same worker; dropped if `signal` aborts before they start.
   */
  checkDraft(content: Content, issue: Issue, rendered: RenderedIssue, now: Date, signal?: AbortSignal): Promise<CheckReport> {
    return this.checks.worker.run(this.paths, content, issue, rendered, now, { draft: true, signal });
  }

  /** Stop the check worker. */
  close(): Promise<unknown> {
    return this.checks.release();
  }

  /** The check report of render `seq` at `now`, if it is done: undefined while it runs (or before it starts). */
  reportIfDone(seq: number, now: Date): CheckReport | undefined {
    return this.done.get(`${seq}:${Math.floor(now.getTime() / 60_000)}`);
  }

  /** Take in changed files (absolute paths); returns the issues whose pages may have changed. */
  refresh(changed: readonly string[]): Promise<string[] | 'all'> {
    const next = this.queue.then(() => this.apply(changed));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Render the drafts nobody has asked for yet, one at a time, giving way to requests between
   * them (started after the first page is answered, so the studio answers first).
   */
  async renderInBackground(): Promise<void> {
    if (this.warming) return;
    this.warming = true;
    for (const issue of this.issues()) {
      if (issue.status === 'sent') continue;
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.cache.lastGood(issue.id, 'plain')) await this.render(issue.id).catch(() => undefined);
    }
  }

  private async apply(changed: readonly string[]): Promise<string[] | 'all'> {
    const scope = scopeOf(this.paths, changed);
    const before = this.contentNow;
    if (changed.some((f) => isUnder(this.paths.templates, f))) await this.reloadTemplates();
    if (changed.some((f) => isUnder(this.paths.content, f))) await this.reloadContent();
    const issues = [...(before?.issues ?? []), ...this.issues()];
    const touched = this.cache.invalidate(renderScope(this.paths, changed, issues, this.frozen));
    this.reports.clear();
    this.done.clear();
    // Render again now what was shown before, so the page that asks next gets it at once.
    for (const id of touched) await this.render(id);
    return scope;
  }

  private async reloadTemplates(): Promise<void> {
    try {
      this.templates = await loadTemplates(this.paths);
      this.templateError = undefined;
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      this.templateError = e.message;
    }
  }

  private async reloadContent(): Promise<void> {
    const project = await loadProject(this.paths);
    this.project = project;
    if (!project.content) return; // a shared file is broken: keep the last good content whole
    // An issue that fails to load keeps its last good version, so its page still shows something.
    const kept = project.brokenIssues.map((id) => this.issue(id)).filter((i): i is Issue => i !== undefined);
    const issues = [...project.content.issues, ...kept].sort((a, b) => byCodePoint(a.sendAt, b.sendAt) || byCodePoint(a.id, b.id));
    this.contentNow = { ...project.content, issues };
  }
}

/** Which issues a set of changed files affects: files inside content/issues/<id>/ touch only <id>. */
export function scopeOf(paths: ProjectPaths, changed: readonly string[]): string[] | 'all' {
  const ids = new Set<string>();
  for (const file of changed) {
    const rel = path.relative(issuesDir(paths), file).split(path.sep);
    if (rel[0] === '..' || path.isAbsolute(rel[0]!) || rel.length < 2) return 'all';
    ids.add(rel[0]!);
  }
  return [...ids];
}

function isUnder(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

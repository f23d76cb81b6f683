import path from 'node:path';
import { readSentSnapshot, sentDir } from '../../archive/sent.js';
import { sentNotes } from '../../workflow/record-sent.js';
import type { Content } from '../../content/schema.js';
import { removeLeftovers, writeFileAtomic } from '../../files/atomic.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../../pipeline.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { issueIndexPage } from '../../site/index-page.js';
import { readFile, rm } from 'node:fs/promises';
import { readTemplateSources } from '../../render/templates.js';
import { BuildState, renderKey, sentKey } from './build-state.js';
import { buildSite } from './site.js';
import { readStatuses } from '../../workflow/sent-status.js';
import { builtIssueDir, cacheDir } from '../../files/project-paths.js';

export async function buildCommand(paths: ProjectPaths, args: { ids: string[]; site?: boolean }, io: Io): Promise<number> {
  const project = await loadProject(paths);
  const content = usableContent(project, args.ids.length ? args.ids : 'all');
  const issues = args.ids.length ? args.ids.map((id) => findIssue(content, id)) : content.issues;
  const templates = await loadTemplates(paths);
  const templateSources = await readTemplateSources(paths.templates);
  const state = await BuildState.open(cacheDir(paths.root, 'build-state.json'));
  let failed = false;
  for (const issue of issues) {
    const dir = builtIssueDir(paths, issue.id);
    const shownDir = path.relative(process.cwd(), dir) || dir;
    // A sent issue is history: its files are what subscribers received, not today's render.
    const sent = await readSentSnapshot(paths, issue.id);
    const key = sent ? sentKey(sent.snapshot) : renderKey(content, issue, templateSources);
    if (sent) for (const note of await sentNotes(paths, sent)) io.err(`warning: ${note}`);
    if (await state.upToDate(issue.id, key, dir)) {
      await removeLeftovers(dir); // a build killed here before leaves its temporary files: tidy them
      io.out(`${issue.id} unchanged → ${shownDir}/`);
      continue;
    }
    if (sent) {
      const files = { 'email.html': sent.snapshot.html, 'email.txt': sent.snapshot.text, 'web.html': sent.snapshot.web };
      await writeOutputs(dir, files);
      await rm(path.join(dir, 'issue.mjml'), { force: true });
      state.record(issue.id, key, files); // a render of today would contradict the files beside it
      io.out(
        `built ${issue.id} → ${shownDir}/ (email ${kb(sent.snapshot.html)} KB)\n       as sent, from ${path.relative(process.cwd(), sentDir(paths, issue.id)) || '.'}/`,
      );
      continue;
    }
    const rendered = await renderIssue(content, issue, templates);
    if (rendered.mjmlProblems.length > 0) {
      failed = true;
      io.err(`${issue.id}: the email markup is not valid MJML, nothing written for this issue:`);
      for (const p of rendered.mjmlProblems) io.err(`  issue.mjml line ${p.line} <${p.tagName}>: ${p.message}`);
      continue;
    }
    const files = { 'email.html': rendered.html, 'email.txt': rendered.text, 'web.html': rendered.web, 'issue.mjml': rendered.mjml };
    await writeOutputs(dir, files);
    state.record(issue.id, key, files);
    io.out(`built ${issue.id} → ${shownDir}/ (email ${kb(rendered.html)} KB)`);
  }
  await state.save();
  if (args.ids.length === 0) await writeIndex(paths, content, io);
  if (args.site) await buildSite(paths, content, io);
  return failed ? EXIT.wrong : EXIT.ok;
}

/** Each file replaced whole (temporary file, then rename): a killed build never leaves one half-written. */
async function writeOutputs(dir: string, files: Record<string, string>): Promise<void> {
  await removeLeftovers(dir);
  for (const [name, text] of Object.entries(files)) await writeFileAtomic(path.join(dir, name), text);
}

function kb(html: string): string {
  return (Buffer.byteLength(html) / 1024).toFixed(1);
}

async function writeIndex(paths: ProjectPaths, content: Content, io: Io): Promise<void> {
  const file = path.join(paths.dist, 'index.html');
  const statuses = await readStatuses(undefined, paths);
  // Built without the store: an issue is sent when it has a sent record (workflow/sent-status.ts).
  const page = issueIndexPage(
    content,
    (id) => `issues/${id}/web.html`,
    (id) => statuses.get(id),
  );
  const shown = path.relative(process.cwd(), file) || file;
  if ((await readFile(file, 'utf8').catch(() => undefined)) === page) return io.out(`index unchanged → ${shown}`);
  await writeFileAtomic(file, page);
  io.out(`index  → ${shown}`);
}

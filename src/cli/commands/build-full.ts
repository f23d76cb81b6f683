// `build` when something changed, or nothing is known: the content loaded, each issue rendered or
// written only when its key or its files say so, and the record of the whole build made again.
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
import { type BuildState, renderKey, sentKey, sharedKey } from './build-state.js';
import type { Written } from '../../files/stamps.js';
import type { BuildArgs } from './build.js';
import { buildSite } from './site.js';
import { readStatuses } from '../../workflow/sent-status.js';
import { builtIssueDir } from '../../files/project-paths.js';

/** Every issue asked for, rendered or written only where its record says it changed (build-state.ts). */
export async function buildInFull(
  paths: ProjectPaths,
  args: BuildArgs,
  io: Io,
  state: BuildState,
  run: { key: string; inputs: { hash: string; racy: boolean } },
): Promise<number> {
  const project = await loadProject(paths);
  const content = usableContent(project, args.ids.length ? args.ids : 'all');
  const issues = args.ids.length ? args.ids.map((id) => findIssue(content, id)) : content.issues;
  const templates = await loadTemplates(paths);
  const shared = sharedKey(content, await readTemplateSources(paths.templates));
  /** What an unchanged build of the same would say (the record of the whole build). */
  const said: ['out' | 'err', string][] = [];
  const warn = (line: string) => (io.err(line), said.push(['err', line]));
  const outputs: Record<string, Written> = {};
  let failed = false;
  for (const issue of issues) {
    const dir = builtIssueDir(paths, issue.id);
    const shownDir = path.relative(process.cwd(), dir) || dir;
    // A sent issue is history: its files are what subscribers received, not today's render.
    const sent = await readSentSnapshot(paths, issue.id);
    const key = sent ? sentKey(sent.snapshot) : renderKey(content, issue, shared);
    if (sent) for (const note of await sentNotes(paths, sent)) warn(`warning: ${note}`);
    said.push(['out', `${issue.id} unchanged → ${shownDir}/`]);
    if (await state.upToDate(issue.id, key, dir)) {
      await removeLeftovers(dir); // a build killed here before leaves its temporary files: tidy them
      io.out(`${issue.id} unchanged → ${shownDir}/`);
      Object.assign(outputs, state.filesOf(issue.id, dir));
      continue;
    }
    if (sent) {
      const files = { 'email.html': sent.snapshot.html, 'email.txt': sent.snapshot.text, 'web.html': sent.snapshot.web };
      await writeOutputs(dir, files);
      await rm(path.join(dir, 'issue.mjml'), { force: true });
      state.record(issue.id, key, dir, files); // a render of today would contradict the files beside it
      Object.assign(outputs, state.filesOf(issue.id, dir));
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
    state.record(issue.id, key, dir, files);
    Object.assign(outputs, state.filesOf(issue.id, dir));
    io.out(`built ${issue.id} → ${shownDir}/ (email ${kb(rendered.html)} KB)`);
  }
  const index = args.ids.length === 0 ? await writeIndex(paths, content, io) : undefined;
  if (index) said.push(['out', `index unchanged → ${index.shown}`]);
  if (args.site) await buildSite(paths, content, io);
  // Only a build that went through is said again; one whose inputs were racy is done in full next time too.
  if (!failed && !args.site && !run.inputs.racy)
    state.recordRun({ key: run.key, inputs: run.inputs.hash, said }, outputs, index ? { [index.name]: index.page } : {});
  await state.save();
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

async function writeIndex(paths: ProjectPaths, content: Content, io: Io): Promise<{ name: string; page: string; shown: string }> {
  const file = path.join(paths.dist, 'index.html');
  const statuses = await readStatuses(undefined, paths);
  // Built without the store: an issue is sent when it has a sent record (workflow/sent-status.ts).
  const page = issueIndexPage(
    content,
    (id) => `issues/${id}/web.html`,
    (id) => statuses.get(id),
  );
  const shown = path.relative(process.cwd(), file) || file;
  const done = { name: path.relative(paths.root, file), page, shown };
  if ((await readFile(file, 'utf8').catch(() => undefined)) === page) return (io.out(`index unchanged → ${shown}`), done);
  await writeFileAtomic(file, page);
  io.out(`index  → ${shown}`);
  return done;
}

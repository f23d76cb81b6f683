import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../../content/schema.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../../pipeline.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { issueIndexPage } from '../../render/index-page.js';
import { buildSite } from './site.js';

export async function buildCommand(paths: ProjectPaths, args: { ids: string[]; site?: boolean }, io: Io): Promise<number> {
  const project = await loadProject(paths);
  const content = usableContent(project, args.ids.length ? args.ids : 'all');
  const issues = args.ids.length ? args.ids.map((id) => findIssue(content, id)) : content.issues;
  const templates = await loadTemplates(paths);
  let failed = false;
  for (const issue of issues) {
    const rendered = await renderIssue(content, issue, templates);
    if (rendered.mjmlProblems.length > 0) {
      failed = true;
      io.err(`${issue.id}: the email markup is not valid MJML, nothing written for this issue:`);
      for (const p of rendered.mjmlProblems) io.err(`  issue.mjml line ${p.line} <${p.tagName}>: ${p.message}`);
      continue;
    }
    const dir = path.join(paths.dist, 'issues', issue.id);
    await mkdir(dir, { recursive: true });
    await Promise.all([
      writeFile(path.join(dir, 'email.html'), rendered.html),
      writeFile(path.join(dir, 'email.txt'), rendered.text),
      writeFile(path.join(dir, 'web.html'), rendered.web),
      writeFile(path.join(dir, 'issue.mjml'), rendered.mjml),
    ]);
    io.out(
      `built ${issue.id} → ${path.relative(process.cwd(), dir) || dir}/ (email ${(Buffer.byteLength(rendered.html) / 1024).toFixed(1)} KB)`,
    );
  }
  if (args.ids.length === 0) await writeIndex(paths, content, io);
  if (args.site) await buildSite(paths, content, templates, io);
  return failed ? EXIT.wrong : EXIT.ok;
}

async function writeIndex(paths: ProjectPaths, content: Content, io: Io): Promise<void> {
  await mkdir(paths.dist, { recursive: true });
  const file = path.join(paths.dist, 'index.html');
  await writeFile(
    file,
    issueIndexPage(content, (id) => `issues/${id}/web.html`),
  );
  io.out(`index  → ${path.relative(process.cwd(), file) || file}`);
}

// Hostile text for the checks (issue 22): what a paste can hold — long unbroken runs of letters,
// dots, @, digits and dashes, and brackets nested deep — and every check run over it, one at a
// time, in an issue whose preheader and first article hold it. Used by the test that every check
// finishes on 1 MB (tests/check/hostile-text.test.ts) and by `npm run bench` for the linearity ratio.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECKS } from '../src/check/registry.js';
import { runChecks } from '../src/check/index.js';
import type { Content, Issue } from '../src/content/schema.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, projectPaths, usableContent } from '../src/pipeline.js';
import { renderIssue, type RenderedIssue } from '../src/render/index.js';
import { ROOT } from './bench-support.js';

const PIECES = [
  (n: number) => 'a'.repeat(n),
  (n: number) => '.'.repeat(n),
  (n: number) => '@'.repeat(n),
  (n: number) => '7'.repeat(n),
  (n: number) => '-'.repeat(n),
  (n: number) => 'a.'.repeat(n / 2),
  (n: number) => 'a@'.repeat(n / 2),
  (n: number) => 'x1-'.repeat(n / 3),
  (n: number) => 'Ab'.repeat(n / 2),
  (n: number) => `${'['.repeat(n / 4)}${'('.repeat(n / 4)}${')'.repeat(n / 4)}${']'.repeat(n / 4)}`,
  (n: number) => '0 '.repeat(n / 2),
  (n: number) => 'Aa. '.repeat(n / 4),
];

/** About `bytes` of hostile text: each kind of run in turn, each run `bytes / 12` long, separated by a space. */
export function hostileText(bytes: number): string {
  const run = Math.floor(bytes / PIECES.length);
  return PIECES.map((piece) => piece(run)).join(' ');
}

export interface HostileIssue {
  paths: ProjectPaths;
  content: Content;
  issue: Issue;
  rendered: RenderedIssue;
  remove(): void;
}

/** April 2022 in a copy of the project, carrying `text` in its preheader and its first article's body, rendered. */
export async function hostileIssue(text: string): Promise<HostileIssue> {
  const copy = mkdtempSync(path.join(tmpdir(), 'newsletter-hostile-'));
  for (const dir of ['content', 'templates']) cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
  const paths = projectPaths(copy);
  const content = usableContent(await loadProject(paths), ['2022-04']);
  const april = findIssue(content, '2022-04');
  const article = april.sections.findIndex((s) => 'body' in s);
  const issue = {
    ...april,
    preheader: text,
    sections: april.sections.map((s, i) => (i === article ? { ...s, body: text } : s)),
  } as Issue;
  const rendered = await renderIssue(content, issue, await loadTemplates(paths));
  return { paths, content, issue, rendered, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

/** Every check alone over a hostile issue: the milliseconds each took, by name. */
export async function checkHostile(text: string): Promise<Map<string, number>> {
  const { content, issue, rendered, remove } = await hostileIssue(text);
  try {
    const times = new Map<string, number>();
    for (const check of CHECKS) {
      const start = performance.now();
      await runChecks({ content, issue, rendered }, { now: new Date('2022-03-30T09:00:00Z') }, [check]);
      times.set(check.name, performance.now() - start);
    }
    return times;
  } finally {
    remove();
  }
}

// Compiled templates kept in .cache/templates/ between runs: a fresh process (here, freshly imported
// modules) runs the stored code when it was compiled from the same templates; a template that
// changed is compiled again, and a damaged file is never run: it is compiled again and rewritten.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

/** The pipeline as a new process loads it: no templates remembered in memory. */
async function renderFresh(project: TempProject) {
  vi.resetModules();
  const { findIssue, loadProject, loadTemplates, renderIssue, usableContent } = await import('../../src/pipeline.js');
  const content = usableContent(await loadProject(project.paths), ['2022-04']);
  return renderIssue(content, findIssue(content, '2022-04'), await loadTemplates(project.paths));
}

const WEB = '.cache/templates/web.compiled';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Change the stored code and sign it again as the cache does, so it looks compiled from the same templates. */
function reSigned(stored: string, from: string, to: string): string {
  const newline = stored.indexOf('\n');
  const [, , , keyHash] = stored.slice(0, newline).split(' ');
  const body = stored.slice(newline + 1).replace(from, to);
  expect(body).toContain(to);
  return `// handlebars templates ${keyHash} ${sha256(body)}\n${body}`;
}

describe('the compiled-template cache', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('is written on the first run and used by the next', async () => {
    const first = await renderFresh(project);
    const stored = await project.read(WEB);
    expect(stored).toMatch(/^\/\/ handlebars templates [0-9a-f]{64} [0-9a-f]{64}\nreturn \[/);
    expect(await project.read('.cache/templates/email.compiled')).toContain('"main":function');
    // Stored code that differs from what the templates compile to shows it is run, not recompiled.
    await writeFile(path.join(project.root, WEB), reSigned(stored, 'lang=\\"en-GB\\"', 'lang=\\"en-XX\\"'));
    const second = await renderFresh(project);
    expect(second.web).toBe(first.web.replace('lang="en-GB"', 'lang="en-XX"'));
    expect(second.html).toBe(first.html);
  });

  it('is compiled again, and rewritten, when a template changes', async () => {
    const first = await renderFresh(project);
    const stored = await project.read(WEB);
    await writeFile(path.join(project.root, WEB), reSigned(stored, 'lang=\\"en-GB\\"', 'lang=\\"en-XX\\"'));
    await project.edit('templates/web/layout.html.hbs', '<meta charset="utf-8">', '<meta charset="UTF-8">');
    const second = await renderFresh(project);
    expect(second.web).toBe(first.web.replace('<meta charset="utf-8">', '<meta charset="UTF-8">'));
    expect(second.web).toContain('lang="en-GB"');
    const rewritten = await project.read(WEB);
    expect(rewritten.split(' ')[3]).not.toBe(stored.split(' ')[3]); // compiled from other templates
  });

  it('a damaged file is never run: the templates are compiled again and the file rewritten', async () => {
    const first = await renderFresh(project);
    const good = await project.read(WEB);
    const damaged = [
      '', // emptied
      good.slice(0, good.length / 2), // cut short
      good.replace('lang=\\"en-GB\\"', 'lang=\\"en-XX\\"'), // changed without a matching hash
      `${good.split('\n')[0]}\nreturn [1, 2, 3];\n`, // not template code, under the old header
      reSigned(good, /^return \[[\s\S]*\];\n$/m.exec(good)![0], 'return [1, 2, 3];\n'), // signed, but not template code
      reSigned(good, 'return [', 'throw new Error("no");\nreturn ['), // signed, but throws
    ];
    for (const text of damaged) {
      await writeFile(path.join(project.root, WEB), text);
      const again = await renderFresh(project);
      expect(again.web).toBe(first.web);
      expect(await readFile(path.join(project.root, WEB), 'utf8')).toBe(good);
    }
  });
});

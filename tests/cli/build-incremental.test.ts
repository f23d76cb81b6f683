// `build` is incremental: a second build with nothing changed renders and writes nothing; a change
// rebuilds only what depends on it; a file changed by hand in dist/ is put back.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { addDraft } from '../helpers/preview-server.js';
import { type TempProject, tempProject } from '../helpers/project.js';

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
  await addDraft(project);
});
afterEach(() => project.remove());

async function build(): Promise<string> {
  let out = '';
  const io = { out: (s: string) => (out += `${s}\n`), err: () => undefined, color: false } as unknown as Io;
  expect(await main(['build'], io, project.root)).toBe(0);
  return out;
}

/** Every file under dist/ with the time it was last written. */
async function written(): Promise<Map<string, number>> {
  const dist = path.join(project.root, 'dist');
  const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const times = new Map<string, number>();
  for (const f of files) {
    const file = path.join(f.parentPath, f.name);
    const s = await stat(file);
    times.set(path.relative(dist, file), s.mtimeMs + s.ino);
  }
  return times;
}

const changedBetween = (a: Map<string, number>, b: Map<string, number>) =>
  [...b]
    .filter(([file, t]) => a.get(file) !== t)
    .map(([file]) => file)
    .sort();

describe('an incremental build', () => {
  it('writes nothing the second time, and says each issue is unchanged', async () => {
    await build();
    const before = await written();
    const out = await build();
    expect(changedBetween(before, await written())).toEqual([]);
    expect(out).toContain('2022-04 unchanged → ');
    expect(out).toContain('2099-01 unchanged → ');
    expect(out).toContain('index unchanged → ');
  });

  it('rebuilds the changed draft only; a template change rebuilds drafts, never a sent issue', async () => {
    await build();
    let before = await written();
    await project.edit('content/issues/2099-01/issue.yaml', 'Draft newsletter: January 2099', 'Changed newsletter: January 2099');
    await build();
    expect(changedBetween(before, await written())).toEqual(
      ['index.html', 'issues/2099-01/email.html', 'issues/2099-01/email.txt', 'issues/2099-01/issue.mjml', 'issues/2099-01/web.html'].map(
        (f) => f.split('/').join(path.sep),
      ),
    );

    before = await written();
    await project.edit('templates/email/sections/welcome.mjml.hbs', '{{title}}', '{{title}} (edited)');
    await build();
    const changed = changedBetween(before, await written());
    expect(changed.some((f) => f.includes('2099-01'))).toBe(true);
    expect(changed.some((f) => f.includes('2022-04'))).toBe(false);
  });

  it('puts back an output file changed by hand', async () => {
    await build();
    const file = path.join(project.root, 'dist/issues/2099-01/email.html');
    const good = await readFile(file, 'utf8');
    await writeFile(file, 'edited by hand');
    expect(await build()).toMatch(/^built 2099-01 /m);
    expect(await readFile(file, 'utf8')).toBe(good);
  });
});

// Nothing lost: a build killed mid-write (SIGKILL, in a child process, at a chosen file-system
// call) leaves the previous output whole — no 0-byte email.html, no half a site — and the next
// build tidies what the killed one left.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { recoverFolder, replaceFolder, writeFileAtomic } from '../../src/files/atomic.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';
import { addDraft } from '../helpers/preview-server.js';

const CHILD = path.join(REPO, 'tests/files/paused-build.ts');
// The child runs in the temporary project, where tsx cannot be found by name.
const TSX = pathToFileURL(createRequire(path.join(REPO, 'package.json')).resolve('tsx')).href;
const quiet = { out: () => undefined, err: () => undefined, tty: false };
const env = { ...process.env, PUBLIC_URL: 'https://newsletter.example.org' };

/** Run `newsletter <args>` in a child, wait until it pauses at `pauseAt`, and kill it there. */
function killAt(cwd: string, pauseAt: string, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], { cwd, env: { ...env, PAUSE_AT: pauseAt } });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('paused\n')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`the build never reached ${pauseAt} (exit ${code}):\n${out}${err}`)),
    );
  });
}

/** Every file under a folder with its bytes, dot-named leftovers included. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
  await addDraft(project, '2099-01', 'Draft newsletter: January 2099');
});
afterEach(() => project.remove());

describe('build killed mid-write', () => {
  it('a kill before email.html is replaced leaves the previous email.html whole; the next build tidies up', async () => {
    expect(await main(['build', '2099-01'], quiet, project.root)).toBe(0);
    const out = path.join(project.root, 'dist/issues/2099-01');
    const before = await tree(out);
    expect(before['email.html']).toContain('Draft newsletter: January 2099');

    await project.edit('content/issues/2099-01/issue.yaml', 'Draft newsletter: January 2099', 'Changed newsletter: January 2099');
    await killAt(project.root, String.raw`rename:2099-01/\S+ \S+/email\.html$`, 'build', '2099-01');

    const after = await tree(out);
    for (const name of ['email.html', 'email.txt', 'web.html', 'issue.mjml']) expect(after[name], name).toBe(before[name]);
    for (const [name, text] of Object.entries(after)) if (!name.startsWith('.')) expect(text.length, `${name} is empty`).toBeGreaterThan(0);

    expect(await main(['build', '2099-01'], quiet, project.root)).toBe(0);
    const rebuilt = await tree(out);
    expect(Object.keys(rebuilt).sort()).toEqual(['email.html', 'email.txt', 'issue.mjml', 'web.html']);
    expect(rebuilt['email.html']).toContain('Changed newsletter: January 2099');
  }, 60_000);

  it('a kill while the new site is half written leaves the previous site whole', async () => {
    expect(await main(['build', '--site'], quiet, project.root)).toBe(0);
    const site = path.join(project.root, 'dist/site');
    const before = await tree(site);
    expect(Object.keys(before)).toContain('archive/2022-04/index.html');

    await project.edit('content/newsletter.yaml', /^name: .*$/m, 'name: Renamed newsletter');
    // Stop as the new site's folder for April 2022 is made: index.html and feed.xml of the new site are already written.
    await killAt(project.root, String.raw`mkdir:\.site\.partial-new-[^/ ]+/archive/2022-04`, 'build', '--site');

    expect(await tree(site)).toEqual(before);
    const dist = await readdir(path.join(project.root, 'dist'));
    expect(dist.filter((n) => n.startsWith('.site.partial-new-'))).toHaveLength(1); // the half-built one, beside, unseen

    expect(await main(['build', '--site'], quiet, project.root)).toBe(0);
    expect(await readdir(path.join(project.root, 'dist'))).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.site\./)]));
    expect((await tree(site))['index.html']).toContain('Renamed newsletter');
  }, 60_000);

  it('a kill between moving the old site away and moving the new one in is repaired: the previous site comes back', async () => {
    expect(await main(['build', '--site'], quiet, project.root)).toBe(0);
    const site = path.join(project.root, 'dist/site');
    const before = await tree(site);
    await killAt(project.root, String.raw`rename:\S+/\.site\.partial-new-\S+ \S+/dist/site$`, 'build', '--site');
    await expect(stat(site)).rejects.toThrow(/ENOENT/); // the two-rename window, caught in the act

    await recoverFolder(site); // what every build does first
    expect(await tree(site)).toEqual(before);
    expect((await readdir(path.join(project.root, 'dist'))).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 60_000);
});

describe('atomic writes in process', () => {
  it('a failed fill leaves the folder untouched and nothing beside it', async () => {
    const dir = path.join(project.root, 'out/site');
    await replaceFolder(dir, (fresh) => writeFileAtomic(path.join(fresh, 'a.txt'), 'one'));
    await expect(
      replaceFolder(dir, async (fresh) => {
        await writeFileAtomic(path.join(fresh, 'a.txt'), 'two');
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    expect(await tree(path.join(project.root, 'out'))).toEqual({ 'site/a.txt': 'one' });
  });

  it('writeFileAtomic replaces a file and leaves no temporary file', async () => {
    const dir = path.join(project.root, 'out');
    await mkdir(dir);
    await writeFileAtomic(path.join(dir, 'email.html'), 'old');
    await writeFileAtomic(path.join(dir, 'email.html'), 'new');
    expect(await tree(dir)).toEqual({ 'email.html': 'new' });
    await rm(dir, { recursive: true });
  });
});

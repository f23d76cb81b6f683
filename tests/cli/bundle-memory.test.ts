// Issue 27: what `newsletter serve` holds once started, through bin/newsletter.js and the bundle as
// people run them: the code cache's bytes are let go once V8 has compiled the bundle, and the cache
// `serve` writes as it stops is accepted by the commands after it. Runs a copy of lib/ with a code
// cache of its own: other tests run bin/ meanwhile, and would write the same file.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

/** What the probe (loaded with --import, before bin/) saw: the bundle's code cache, and the heap when told (SIGUSR2). */
interface Probe {
  cache?: { given: boolean; rejected: boolean };
  held?: { arrayBuffers: number };
}

// Wraps vm.Script, which bin/ reads off node:vm when it compiles the bundle; nothing else is changed.
const PROBE = `
import vm from 'node:vm';
import { writeFileSync } from 'node:fs';
const seen = {};
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (options?.filename?.endsWith('newsletter.cjs')) seen.cache = { given: options.cachedData !== undefined, rejected: this.cachedDataRejected === true };
  }
};
process.on('SIGUSR2', () => {
  seen.held = { arrayBuffers: process.memoryUsage().arrayBuffers };
  writeFileSync(process.env.PROBE_OUT, JSON.stringify(seen));
});
process.on('exit', () => writeFileSync(process.env.PROBE_OUT, JSON.stringify(seen)));
`;

let install: string;
let project: TempProject;

beforeAll(async () => {
  install = await mkdtemp(path.join(tmpdir(), 'newsletter-install-'));
  // Times kept: bin/ runs the bundle only when it is newer than tsc's output.
  for (const part of ['package.json', 'bin', 'lib'])
    await cp(path.join(REPO, part), path.join(install, part), { recursive: true, preserveTimestamps: true });
  await rm(path.join(install, 'lib/newsletter.cjs.cache'), { force: true });
  await symlink(path.join(REPO, 'node_modules'), path.join(install, 'node_modules'), 'dir');
  await writeFile(path.join(install, 'probe.mjs'), PROBE);
  project = await tempProject();
}, 60_000);
afterAll(async () => {
  await project?.remove();
  if (install) await rm(install, { recursive: true, force: true });
});

const args = (...words: string[]) => ['--import', path.join(install, 'probe.mjs'), path.join(install, 'bin/newsletter.js'), ...words];
const env = (out: string) => ({
  ...process.env,
  PUBLIC_URL: '',
  PATH: '/nonexistent',
  PROBE_OUT: out,
  NEWSLETTER_DB: path.join(project.root, 'state.db'),
});
const probed = (out: string) => JSON.parse(readFileSync(out, 'utf8')) as Probe;

/** `serve` started, its first page answered, what it holds then, and what it saw once stopped. */
async function serve(name: string): Promise<Probe & { heldThen: Probe['held'] }> {
  const out = path.join(install, `${name}.json`);
  const child = spawn(process.execPath, args('serve', '--port', '0'), {
    cwd: project.root,
    env: env(out),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let said = '';
      child.stdout.on('data', (d: Buffer) => {
        said += d.toString();
        const m = /Preview studio: (http:\/\/\S+)\//.exec(said);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (d: Buffer) => (said += d.toString()));
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${said}`)));
    });
    await new Promise((resolve, reject) => get(`${url}/`, (res) => res.resume().on('end', resolve)).on('error', reject));
    child.kill('SIGUSR2');
    await expect.poll(() => probed(out).held, { timeout: 10_000 }).toBeDefined();
    const heldThen = probed(out).held;
    child.kill('SIGTERM');
    await exited;
    return { ...probed(out), heldThen };
  } finally {
    child.kill('SIGKILL');
  }
}

it('serve lets the code cache go once the bundle is compiled, and writes a cache the next commands accept', async () => {
  const first = await serve('first');
  expect(first.cache).toEqual({ given: false, rejected: false }); // no cache yet: serve writes it as it stops
  const written = await stat(path.join(install, 'lib/newsletter.cjs.cache'));

  const second = await serve('second');
  expect(second.cache).toEqual({ given: true, rejected: false });
  // The cache's bytes are not held once the bundle is compiled (before, the whole file stayed).
  expect(second.heldThen!.arrayBuffers).toBeLessThan(written.size);

  const out = path.join(install, 'check.json');
  await promisify(execFile)(process.execPath, args('check', '2022-04'), { cwd: project.root, env: env(out) }).catch(() => undefined);
  expect(probed(out).cache).toEqual({ given: true, rejected: false });
  expect((await stat(path.join(install, 'lib/newsletter.cjs.cache'))).mtimeMs).toBe(written.mtimeMs);
}, 120_000);

// Issue 27: the studio's check worker is a second JavaScript heap, alive from start. It loads the
// checks alone (src/check-rendered.ts), not MJML or sharp, and is handed the bundle's MJML baseline
// so that its first check does not load MJML to work one out; nor does it build the content schemas.
// Runs tsc's lib/, as the worker does.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, expect, it, vi } from 'vitest';
import { CANIEMAIL } from '../../src/check/compat/data.js';
import { REPO } from '../helpers/project.js';

/** Packages the worker's module graph loaded, by folder under node_modules/. */
function loadedBy(...modules: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    for (const m of ${JSON.stringify(modules.map((m) => path.join(REPO, 'lib', m)))}) await import(m);
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify(cache));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as string[])
    .map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(f))
    .flatMap((m) => (m ? [`${m[1]}/${m[2]}`] : []));
}

/** Files of lib/ the worker's module graph loaded (ES modules, seen by a resolve hook). */
function libFilesLoadedBy(...modules: string[]): string[] {
  const hook = `export async function resolve(specifier, context, next) {
    const found = await next(specifier, context);
    process.stderr.write('loaded ' + found.url + '\\n');
    return found;
  }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hook)}`)});`;
  const script = `for (const m of ${JSON.stringify(modules.map((m) => path.join(REPO, 'lib', m)))}) await import(m);`;
  const r = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script],
    {
      cwd: REPO,
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(0);
  const lib = `${pathToFileURL(path.join(REPO, 'lib')).href}/`;
  return [...r.stderr.matchAll(/^loaded (\S+)$/gm)].flatMap((m) => (m[1]!.startsWith(lib) ? [m[1]!.slice(lib.length)] : []));
}

const heavy = (files: string[]) => files.filter((f) => /^(mjml[^/]*|sharp|@img\/[^/]+)\//.test(f) && f !== 'mjml/package.json');

it("the check worker's modules load neither MJML nor sharp", () => {
  expect(heavy(loadedBy('check-rendered.js', 'check/compat/baseline.js', 'workspace/check-job.js'))).toEqual([]);
  // What the test tells apart: the whole pipeline does load MJML.
  expect(heavy(loadedBy('pipeline.js', 'render/mjml.js')).some((f) => f.startsWith('mjml/lib/'))).toBe(true);
});

it("the check worker's modules do not build the content schemas: they take the regions' and the shared files' names alone", () => {
  const loaded = libFilesLoadedBy('check-rendered.js', 'check/compat/baseline.js', 'workspace/check-job.js');
  expect(loaded).toContain('content/regions.js'); // what the test tells apart: the hook saw the worker's graph
  expect(loaded).not.toContain('content/schema.js'); // every zod schema of content/, about 1 MB of the worker's heap
  expect(loaded).not.toContain('content/load.js');
});

beforeEach(() => vi.resetModules());

it('a baseline handed to the worker is used when its key matches what this MJML would give', async () => {
  const { baselineKey, handBaseline, mjmlBoilerplate } = await import('../../src/check/compat/baseline.js');
  handBaseline({ key: baselineKey(CANIEMAIL.features), slugs: ['handed-over'] });
  expect([...(await mjmlBoilerplate(CANIEMAIL.features))]).toEqual(['handed-over']);
});

it('a handed baseline of another MJML is not used: the baseline is worked out', async () => {
  const { baselineKey, handBaseline, mjmlBoilerplate } = await import('../../src/check/compat/baseline.js');
  handBaseline({ key: baselineKey(CANIEMAIL.features, '4.15.3'), slugs: ['handed-over'] });
  const slugs = await mjmlBoilerplate(CANIEMAIL.features);
  expect(slugs.has('handed-over')).toBe(false);
  expect(slugs.has('css-at-media')).toBe(true);
});

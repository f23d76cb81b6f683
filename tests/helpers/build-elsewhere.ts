// A build of the tool in a folder of its own. `npm test` builds lib/ once, in pretest, and the tests
// that run bin/newsletter.cjs use it; a test of the build itself makes another here, so it never
// rewrites lib/ while other files run it.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './project.js';

export interface Build {
  root: string;
  /** bin/newsletter.cjs of this build. */
  bin: string;
  lib: string;
  remove(): Promise<void>;
}

/** What `npm run build:ts` reads: the sources, the build's configuration and the bundler; node_modules is linked, not copied. */
const INPUTS = ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'bin', 'scripts/bundle.mjs', 'scripts/compiled-at-once.mjs'];

export async function buildElsewhere(): Promise<Build> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsletter-build-'));
  for (const input of INPUTS) await cp(path.join(REPO, input), path.join(root, input), { recursive: true });
  await symlink(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await promisify(execFile)('npm', ['run', '--silent', 'build:ts'], { cwd: root, timeout: 280_000 });
  return {
    root,
    bin: path.join(root, 'bin/newsletter.cjs'),
    lib: path.join(root, 'lib'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

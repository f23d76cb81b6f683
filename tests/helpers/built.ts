// `npm test` builds lib/ once, in pretest, before any test runs, and no test rebuilds it (a test of
// the build makes its own, in build-elsewhere.ts). Run without npm (`npx vitest run <file>`), lib/
// may be older than the sources: the tests that run bin/newsletter.cjs would try the old code, so the
// run says so in one line.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The line to print when lib/'s bundle is older than a file under src/ (or missing), else undefined. */
export function staleBuildNotice(repo: string): string | undefined {
  const bundle = statSync(path.join(repo, 'lib/newsletter.cjs'), { throwIfNoEntry: false });
  if (!bundle)
    return 'npm test: lib/ is not built, so the tests that run bin/newsletter.cjs fail: run `npm run build:ts` (npm test does it first).';
  const src = path.join(repo, 'src');
  const newer = readdirSync(src, { recursive: true, encoding: 'utf8' }).find((f) => {
    const file = statSync(path.join(src, f));
    return file.isFile() && file.mtimeMs > bundle.mtimeMs;
  });
  return newer === undefined
    ? undefined
    : `npm test: src/${newer} changed after lib/ was built, so the tests that run bin/newsletter.cjs try the old code: run \`npm run build:ts\` (npm test does it first).`;
}

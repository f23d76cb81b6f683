// The one line a run prints when lib/ is older than the sources it was built from.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleBuildNotice } from './built.js';

let repo: string;
beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'built-'));
  mkdirSync(path.join(repo, 'src/check'), { recursive: true });
  writeFileSync(path.join(repo, 'src/check/index.ts'), '');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const at = (rel: string, seconds: number) => utimesSync(path.join(repo, rel), seconds, seconds);

describe('staleBuildNotice', () => {
  it('says lib/ is not built when there is no bundle', () => {
    expect(staleBuildNotice(repo)).toMatch(/^npm test: lib\/ is not built/);
  });

  it('says nothing when the bundle is newer than every source', () => {
    mkdirSync(path.join(repo, 'lib'));
    writeFileSync(path.join(repo, 'lib/newsletter.cjs'), '');
    at('src/check/index.ts', 1_000);
    at('lib/newsletter.cjs', 2_000);
    expect(staleBuildNotice(repo)).toBeUndefined();
  });

  it('names a source changed after the build', () => {
    mkdirSync(path.join(repo, 'lib'));
    writeFileSync(path.join(repo, 'lib/newsletter.cjs'), '');
    at('lib/newsletter.cjs', 2_000);
    at('src/check/index.ts', 3_000);
    expect(staleBuildNotice(repo)).toBe(
      'npm test: src/check/index.ts changed after lib/ was built, so the tests that run bin/newsletter.cjs try the old code: run `npm run build:ts` (npm test does it first).',
    );
  });
});

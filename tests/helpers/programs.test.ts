// A fresh machine: without Chromium, `npm test` skips the tests that open a page — only those: the
// rest of their files runs — and says in one line what to install; with CI set they fail. vitest
// itself is run on the share-link tests (links made, forged and withdrawn with no browser, pages
// seen in one), with CHROMIUM_PATH pointing at nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './project.js';

const VITEST = path.join(REPO, 'node_modules/vitest/vitest.mjs');

/** vitest on one file, in a process of its own (each test waits as long as its run may take). */
function vitest(ci: boolean): { status: number | null; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'CI' && k !== 'NODE_ENV'));
  const run = spawnSync(process.execPath, [VITEST, 'run', 'tests/share/share.test.ts'], {
    cwd: REPO,
    env: { ...env, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', ...(ci ? { CI: 'true' } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('a machine without Chromium', () => {
  it('outside CI: the tests that open a page are skipped, the others in their file run, and one line says what to install', () => {
    const { status, output } = vitest(false);
    expect(status, output).toBe(0);
    const notice = output.split('\n').filter((l) => l.startsWith('npm test:'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatch(
      /Chromium is not installed \(apt-get install chromium, or set CHROMIUM_PATH \(looked for \/nonexistent\/chromium\)\): skipping each test that opens a page \(the rest of its file runs\)/,
    );
    expect(output).toMatch(/Test Files\s+1 passed/);
    // The logic of share links runs without a browser: forged, expired and withdrawn links among it.
    const [, passed, skipped] = /Tests\s+(\d+) passed \| (\d+) skipped/.exec(output) ?? [];
    expect(Number(passed), output).toBeGreaterThanOrEqual(6);
    expect(Number(skipped), output).toBeGreaterThan(0);
  }, 150_000);

  it('with CI set: nothing is skipped, and the browser file fails saying Chromium is missing', () => {
    const { status, output } = vitest(true);
    expect(status).not.toBe(0);
    expect(output).not.toContain('npm test:');
    expect(output).toContain('Chromium is not installed at /nonexistent/chromium');
    expect(output).toMatch(/Test Files\s+1 failed/);
  }, 150_000);
});

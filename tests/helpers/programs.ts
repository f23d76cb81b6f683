// The system programs some tests drive, where they are looked for, and what to install. On a
// machine without one (a fresh `npm install`), only the tests that drive it are skipped — the rest
// of their files runs — and `npm test` says in one line what to install; with CI set nothing is
// skipped, so a missing program fails its tests (.ci/run installs them).
import { existsSync } from 'node:fs';
import { onPath } from '../../src/check/spamassassin.js';

/** Debian's Chromium, driven by playwright-core; CHROMIUM_PATH points elsewhere (or, in a test of this skip, nowhere). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Program {
  name: string;
  found: () => boolean;
  install: string;
  /** What is skipped without it, in the notice. */
  skips: string;
}

export const PROGRAMS: Program[] = [
  {
    name: 'Chromium',
    found: () => existsSync(CHROMIUM),
    install: `apt-get install chromium, or set CHROMIUM_PATH (looked for ${CHROMIUM})`,
    // launchBrowser() (browser.ts) gives a stand-in then, and a test that asks it for a page is skipped there.
    skips: 'each test that opens a page (the rest of its file runs)',
  },
  {
    name: 'SpamAssassin',
    found: () => onPath('spamassassin') !== undefined,
    install: 'apt-get install spamassassin spamc spamd',
    // The rest of tests/check/spamassassin.test.ts runs stand-in programs, so only its real runs skip (realRun).
    skips: 'the real SpamAssassin runs in tests/check/spamassassin.test.ts',
  },
  {
    name: 'spamd',
    // Debian puts spamd in /usr/sbin, which is not always on PATH.
    found: () => onPath('spamd', { PATH: `${process.env.PATH}:/usr/sbin` }) !== undefined && onPath('spamc') !== undefined,
    install: 'apt-get install spamc spamd',
    skips: 'the spamc test in tests/check/spamassassin.test.ts',
  },
];

export const inCi = (): boolean => Boolean(process.env.CI);

export function missingPrograms(): Program[] {
  return PROGRAMS.filter((p) => !p.found());
}

/** Whether tests that need this program run here: when it is installed, and always in CI (where its absence fails them). */
export function runsHere(name: Program['name']): boolean {
  return inCi() || PROGRAMS.some((p) => p.name === name && p.found());
}

/** The one line `npm test` prints when something is skipped, or undefined. */
export function skipNotice(): string | undefined {
  const missing = missingPrograms();
  if (inCi() || missing.length === 0) return undefined;
  const each = missing.map((p) => `${p.name} is not installed (${p.install}): skipping ${p.skips}`);
  return `npm test: ${each.join('; ')}. With CI set they fail instead.`;
}

// bin/newsletter.cjs starts SpamAssassin for `check <id>` before it loads the code, and the command
// takes that process over: one run scores, none is started twice, none for help or when switched off.
// (A mistyped option is found only once the code has loaded: the process started then ends with Node.)
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');

describe('SpamAssassin started before the code loads', () => {
  let project: TempProject;
  let fake: string;
  const log = () => path.join(fake, 'runs.log');
  const runs = async () => (await readFile(log(), 'utf8')).split('\n').filter(Boolean);
  // The fake comes first on PATH; the system's folders give it sh, cat and printf. SPAMD_PORT 1: no spamd answers.
  const env = (extra: Record<string, string> = {}) => ({ PATH: `${fake}:/usr/bin:/bin`, SPAMD_PORT: '1', ...extra });
  const bin = (args: string[], extra?: Record<string, string>) =>
    run(process.execPath, [BIN, ...args], { cwd: project.root, env: env(extra), timeout: 60_000 }).then(
      (r) => r.stdout,
      (e: { code?: number; stdout?: string }) => (e.code === 1 && e.stdout ? e.stdout : Promise.reject(e as Error)),
    );

  beforeAll(async () => {
    project = await tempProject();
    fake = await mkdtemp(path.join(tmpdir(), 'newsletter-early-'));
    await writeFile(log(), '');
    await writeFile(
      path.join(fake, 'spamassassin'),
      `#!/bin/sh\necho "spamassassin $*" >> "${log()}"\ncat > /dev/null\nprintf 'X-Spam-Status: No, score=0.7 required=5.0 tests=EARLY_FAKE\\n\\nbody\\n'\n`,
    );
    await chmod(path.join(fake, 'spamassassin'), 0o755);
  });
  afterAll(async () => {
    await project.remove();
    await rm(fake, { recursive: true, force: true });
  });

  it('`check <id>` runs SpamAssassin once, and its score is in the report', async () => {
    const before = (await runs()).length;
    const report = JSON.parse(await bin(['check', '2022-04', '--json'])) as { spamAssassin?: { score: number; rules: string[] } };
    expect(report.spamAssassin).toMatchObject({ score: 0.7, rules: ['EARLY_FAKE'] });
    expect((await runs()).slice(before)).toEqual(['spamassassin -L --cf=report_safe 0']);
  });

  it('starts none for `check --help` or with NEWSLETTER_SPAMASSASSIN=off', async () => {
    const before = (await runs()).length;
    expect(await bin(['check', '--help'])).toContain('newsletter check');
    const off = JSON.parse(await bin(['check', '2022-04', '--json'], { NEWSLETTER_SPAMASSASSIN: 'off' })) as { spamAssassin?: unknown };
    expect(off.spamAssassin).toBeUndefined();
    // Give a process started by mistake the time to write its line.
    await new Promise((r) => setTimeout(r, 200));
    expect((await runs()).slice(before)).toEqual([]);
  });

  it('the command takes the SpamAssassin it is handed instead of looking for one', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: () => undefined, tty: false };
    const handed = Promise.resolve(async () => ({ score: 1.5, required: 5, rules: ['HANDED'], scoredBy: 'spamassassin' as const }));
    // No SpamAssassin on this PATH: the one handed over is the only one there is.
    await main(['check', '2022-04', '--json'], io, project.root, { PATH: '' }, () => new Date('2022-04-01T09:00:00Z'), {
      spamAssassin: handed,
    });
    expect(JSON.parse(out.join('\n'))).toMatchObject({ spamAssassin: { score: 1.5, rules: ['HANDED'] } });
  });
});

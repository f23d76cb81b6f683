// SpamAssassin for real: the April 2022 issue as a filter receives it scores at most 1.0 offline;
// how it is found (on PATH, never run to find out), run once per check, and spamd through spamc.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spamCheck, spamAssassinLine } from '../../src/check/checks/spam.js';
import { formatReport } from '../../src/cli/report.js';
import { runChecks } from '../../src/check/index.js';
import { emailMessage, type TransferEncoding } from '../../src/check/message.js';
import { findSpamAssassin, onPath } from '../../src/check/spamassassin.js';
import { runsHere } from '../helpers/programs.js';
import { aprilInput } from './april.js';

// CI installs spamassassin: there, its absence is a failure, not a skip (tests/helpers/programs.ts).
const realRun = runsHere('SpamAssassin') ? it : it.skip;

describe('the April 2022 issue through SpamAssassin', () => {
  const HIDDEN_TEXT_RULES = ['LONG_INVISIBLE_TEXT', 'LONGLN_LOW_CONTRAST', 'HTML_FONT_LOW_CONTRAST', 'FONT_INVIS_MSGID'];

  realRun(
    'scores at most 1.0, however the parts are encoded, with no hidden-text rule',
    async () => {
      const input = await aprilInput();
      const run = (await findSpamAssassin('spamassassin', { warm: false, env: { ...process.env, SPAMD_PORT: '1' } }))!;
      expect(run, 'spamassassin is on PATH').toBeDefined();
      for (const encoding of ['8bit', 'quoted-printable', 'base64'] as TransferEncoding[]) {
        const result = await run(emailMessage(input, encoding));
        expect(result.scoredBy).toBe('spamassassin');
        expect(result.score, `${encoding}: ${result.rules.join(',')}`).toBeLessThanOrEqual(1.0);
        expect(
          result.rules.filter((r) => HIDDEN_TEXT_RULES.includes(r)),
          encoding,
        ).toEqual([]);
      }
    },
    180_000,
  );

  realRun(
    'check reports the score in the report, below the threshold too',
    async () => {
      const spamAssassin = await findSpamAssassin('spamassassin', { env: { ...process.env, SPAMD_PORT: '1' } });
      const report = await runChecks(await aprilInput(), { spamAssassin }, [spamCheck]);
      expect(report.findings).toEqual([]);
      expect(report.spamAssassin).toMatchObject({ required: 5, scoredBy: 'spamassassin' });
      expect(report.spamAssassin!.score).toBeLessThanOrEqual(1.0);
      expect(spamAssassinLine(report)).toMatch(/^SpamAssassin score: -?0\.\d \(SpamAssassin, offline; spam from 5\.0\): .*HTML_MESSAGE/);
      // The report for people shows the score too, not only --json.
      expect(formatReport(report)).toContain(spamAssassinLine(report));
    },
    120_000,
  );
});

/** How many processes are running this script now (Linux: their command lines in /proc). */
function runningScripts(script: string): number {
  // pid → parent pid of each process running the script. A shell forking to run `cat` has a child
  // with the same command line until it execs: counted once, with its parent.
  const running = new Map<string, string>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(script))
        running.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]!);
    } catch {
      // ended meanwhile
    }
  }
  return [...running.values()].filter((parent) => !running.has(parent)).length;
}

/** A folder to put on PATH with fake commands that log each run. */
async function fakeBin(scripts: Record<string, string>): Promise<{ dir: string; runs(): Promise<string[]> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'newsletter-bin-'));
  const log = path.join(dir, 'runs.log');
  await writeFile(log, '');
  for (const [name, body] of Object.entries(scripts)) {
    const file = path.join(dir, name);
    await writeFile(file, `#!/bin/sh\necho "${name} $*" >> "${log}"\ncat > /dev/null\n${body}\n`);
    await chmod(file, 0o755);
  }
  return { dir, runs: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

const status = (score: string) => `printf 'X-Spam-Status: No, score=${score} required=5.0 tests=HTML_MESSAGE\\n\\nbody\\n'`;

describe('finding and running SpamAssassin', () => {
  let bin: Awaited<ReturnType<typeof fakeBin>>;
  const env = (extra: Record<string, string> = {}) => ({ PATH: bin.dir, SPAMD_PORT: '1', ...extra });
  beforeAll(async () => {
    bin = await fakeBin({ spamassassin: status('0.4'), spamc: status('0.2') });
  });
  afterAll(() => rm(bin.dir, { recursive: true, force: true }));

  it('is found on PATH without being run, and runs once per check', async () => {
    const before = (await bin.runs()).length;
    const run = await findSpamAssassin('spamassassin', { env: env(), warm: false });
    expect(run).toBeDefined();
    expect((await bin.runs()).length).toBe(before);
    expect(await run!('Subject: x\r\n\r\nbody')).toEqual({ score: 0.4, required: 5, rules: ['HTML_MESSAGE'], scoredBy: 'spamassassin' });
    expect((await bin.runs()).slice(before)).toEqual(['spamassassin -L --cf=report_safe 0']);
  });

  it('a warm start is the one run that scores', async () => {
    const before = (await bin.runs()).length;
    const run = await findSpamAssassin('spamassassin', { env: env() });
    expect((await run!('Subject: x\r\n\r\nbody')).score).toBe(0.4);
    expect((await bin.runs()).slice(before)).toEqual(['spamassassin -L --cf=report_safe 0']);
  });

  it('NEWSLETTER_SPAMASSASSIN=off leaves it out; a missing command is absent', async () => {
    expect(await findSpamAssassin('spamassassin', { env: env({ NEWSLETTER_SPAMASSASSIN: 'off' }) })).toBeUndefined();
    expect(await findSpamAssassin('spamassassin-that-does-not-exist', { env: env() })).toBeUndefined();
    expect(await findSpamAssassin('spamassassin', { env: { PATH: '' } })).toBeUndefined();
  });

  it('uses spamc when something answers on the spamd port, spamassassin when nothing does or spamc fails', async () => {
    const listener = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const port = String((listener.address() as AddressInfo).port);
    try {
      const before = (await bin.runs()).length;
      const viaSpamd = await findSpamAssassin('spamassassin', { env: env({ SPAMD_PORT: port }), warm: false });
      expect(await viaSpamd!('Subject: x\r\n\r\nbody')).toMatchObject({ score: 0.2, scoredBy: 'spamd' });
      expect((await bin.runs()).slice(before)).toEqual([`spamc -x -d 127.0.0.1 -p ${port}`]);

      const broken = await fakeBin({ spamassassin: status('0.4'), spamc: 'exit 74' });
      const fallback = await findSpamAssassin('spamassassin', { env: { PATH: broken.dir, SPAMD_PORT: port }, warm: false });
      expect(await fallback!('Subject: x\r\n\r\nbody')).toMatchObject({ score: 0.4, scoredBy: 'spamassassin' });
      expect(await broken.runs()).toEqual([`spamc -x -d 127.0.0.1 -p ${port}`, 'spamassassin -L --cf=report_safe 0']);
      await rm(broken.dir, { recursive: true, force: true });
    } finally {
      listener.close();
    }
  });

  it('a warm start begins before spamd is asked, and is stopped unused when spamd answers', async () => {
    const listener = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
    await once(listener, 'listening');
    const port = String((listener.address() as AddressInfo).port);
    // Fakes of its own, so no process of another test runs the same script.
    const own = await fakeBin({ spamassassin: status('0.4'), spamc: status('0.2') });
    const script = path.join(own.dir, 'spamassassin');
    try {
      const pending = findSpamAssassin('spamassassin', { env: { PATH: own.dir, SPAMD_PORT: port } });
      // Nothing has been awaited yet, and the process is running: asking spamd waits on the network.
      expect(runningScripts(script)).toBe(1);
      const run = await pending;
      expect(await run!('Subject: x\r\n\r\nbody')).toMatchObject({ score: 0.2, scoredBy: 'spamd' });
      for (let i = 0; i < 100 && runningScripts(script) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(runningScripts(script)).toBe(0);
    } finally {
      listener.close();
      await rm(own.dir, { recursive: true, force: true });
    }
  });

  it('a SpamAssassin that fails is a warning, not a failed check', async () => {
    const broken = await fakeBin({ spamassassin: 'echo "config: bad line" >&2; exit 2' });
    const spamAssassin = await findSpamAssassin('spamassassin', { env: { PATH: broken.dir, SPAMD_PORT: '1' }, warm: false });
    const report = await runChecks(await aprilInput(), { spamAssassin }, [spamCheck]);
    expect(report.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'spam/spamassassin-failed',
        'warning',
        'SpamAssassin could not score the issue: spamassassin gave no X-Spam-Status (exit 2): config: bad line',
      ],
    ]);
    expect(report.spamAssassin).toBeUndefined();
    await rm(broken.dir, { recursive: true, force: true });
  });
});

describe('spamd, when Debian’s is installed', () => {
  const spamd = onPath('spamd', { PATH: `${process.env.PATH}:/usr/sbin` });
  let server: ChildProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    if (!spamd || !onPath('spamc')) return;
    port = await freePort();
    server = spawn(spamd, ['-L', `--listen=127.0.0.1:${port}`, '-m', '1', '--min-spare=1', '--max-spare=1', '-x', '-s', 'stderr'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Ready when it says so (it loads its rules first), or gone.
    await new Promise<void>((resolve, reject) => {
      let said = '';
      server!.stderr!.on('data', (d: Buffer) => ((said += d.toString()), /server successfully spawned child/.test(said) && resolve()));
      server!.once('exit', (code) => reject(new Error(`spamd ended (${code}): ${said.slice(-300)}`)));
    });
  }, 120_000);
  afterAll(() => void server?.kill());

  it.skipIf(!runsHere('spamd'))(
    'scores through spamc what spamassassin -L scores',
    async () => {
      const message = emailMessage(await aprilInput());
      const viaSpamd = await findSpamAssassin('spamassassin', { env: { ...process.env, SPAMD_PORT: String(port) }, warm: false });
      const direct = await findSpamAssassin('spamassassin', { env: { ...process.env, SPAMD_PORT: '1' }, warm: false });
      const [a, b] = [await viaSpamd!(message), await direct!(message)];
      expect(a.scoredBy).toBe('spamd');
      expect(b.scoredBy).toBe('spamassassin');
      expect({ score: a.score, rules: a.rules }).toEqual({ score: b.score, rules: b.rules });
    },
    120_000,
  );
});

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address() as AddressInfo;
  s.close();
  return port;
}

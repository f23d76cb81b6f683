// The edge to SpamAssassin, when it is installed: score a message offline (-L: no network tests).
// `check` passes this to the spam check; the check itself never starts a process.
//
// Speed, because Debian's `spamassassin` takes a second or two to start:
// - it is found on PATH without being run;
// - it is started as soon as it is found (before spamd is asked, which waits on the network) and
//   given the message when the render is done;
// - a running spamd, used through `spamc`, has its rules loaded already: when one answers, the
//   process started is stopped and spamd scores instead.
//   Debian's `spamassassin` script reads the message before it compiles its rules (most of its
//   time), so when it is such a Perl script we start our own small Perl program in its place
//   (spamassassin-perl.ts): the same modules, rules and settings, the rules compiled while the
//   issue renders. Should that program fail, the script itself scores. One run per check.
// NEWSLETTER_SPAMASSASSIN=off leaves it out, as if it were not installed.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { SpamAssassin, SpamAssassinResult } from './context.js';
import { type Command, rulesFirstCommand } from './spamassassin-perl.js';

const TIMEOUT_MS = 60_000;
/** spamd on this machine answers a connection at once; one that does not is not used. */
const SPAMD_PROBE_MS = 300;
const SPAMASSASSIN_ARGS = ['-L', '--cf=report_safe 0'];

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  /** Start `spamassassin` now, ready for the message (default true). */
  warm?: boolean;
}

/**
 * The runner, or undefined when SpamAssassin is switched off or not on PATH (found without running
 * anything). With `warm`, the scorer is started before this returns, in the same turn of the event loop.
 */
export async function findSpamAssassin(
  command = 'spamassassin',
  { env = process.env, warm = true }: FindOptions = {},
): Promise<SpamAssassin | undefined> {
  if (/^(off|0|false|no)$/i.test(env.NEWSLETTER_SPAMASSASSIN ?? '')) return undefined;
  const spamassassin = onPath(command, env);
  if (!spamassassin) return undefined;
  const rulesFirst = rulesFirstCommand(spamassassin, () => onPath('perl', env));
  // Perl is started before spamd is asked: asking waits on the network, and Perl's start is the
  // longest wait of a check. When spamd answers, that Perl is stopped unused.
  const { file, args } = rulesFirst ?? { file: spamassassin, args: SPAMASSASSIN_ARGS };
  const ready = warm ? idle(start(file, args)) : undefined;
  const spamc = onPath('spamc', env);
  const spamd = spamdAddress(env);
  if (spamc && (await reachable(spamd))) {
    ready?.child.kill();
    return spamcRunner(spamc, spamd, spamassassin);
  }
  return rulesFirst ? rulesFirstRunner(rulesFirst, spamassassin, ready) : spamassassinRunner(spamassassin, ready);
}

/** Where spamd listens: SPAMD_HOST and SPAMD_PORT, else spamc's own default (localhost:783). */
export function spamdAddress(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } {
  return { host: env.SPAMD_HOST || '127.0.0.1', port: Number(env.SPAMD_PORT) || 783 };
}

/** The full path of an executable file named `command` on PATH (or the path itself, when given one). */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = command.includes('/')
    ? [command]
    : (env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, command));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function reachable({ host, port }: { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(SPAMD_PROBE_MS, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** spamd scores; should it fail (stopped since, or refusing), spamassassin scores instead. */
function spamcRunner(spamc: string, { host, port }: { host: string; port: number }, spamassassin: string): SpamAssassin {
  const fallback = spamassassinRunner(spamassassin);
  return async (message) => {
    // -x: an error is an exit code, not the message handed back unscored.
    const run = await collect(start(spamc, ['-x', '-d', host, '-p', String(port)]), message).catch(() => undefined);
    const result = run && run.code === 0 ? parseSpamStatus(run.stdout) : undefined;
    return result ? { ...result, scoredBy: 'spamd' } : fallback(message);
  };
}

/**
 * Our Perl program scores (spamassassin-perl.ts); should it fail, the plain `spamassassin` run
 * scores instead. `ready`: the process started already, waiting for its message; later messages
 * start their own (as in spamassassinRunner).
 */
function rulesFirstRunner({ file, args }: Command, spamassassin: string, ready?: Started): SpamAssassin {
  const fallback = spamassassinRunner(spamassassin);
  const next = scorers(ready, file, args);
  return async (message) => {
    const run = await collect(next(), message).catch(() => undefined);
    const result = run && run.code === 0 ? parseSpamStatus(run.stdout) : undefined;
    return result ? { ...result, scoredBy: 'spamassassin' } : fallback(message);
  };
}

function spamassassinRunner(file: string, ready?: Started): SpamAssassin {
  const next = scorers(ready, file, SPAMASSASSIN_ARGS);
  return async (message) => {
    const { code, stdout, stderr } = await collect(next(), message);
    const result = parseSpamStatus(stdout);
    if (!result) throw new Error(`spamassassin gave no X-Spam-Status (exit ${code}): ${stderr.trim().slice(0, 200)}`);
    return { ...result, scoredBy: 'spamassassin' };
  };
}

/** The process for each message in turn: the one started already for the first (a warm process scores one message), then new ones. */
function scorers(ready: Started | undefined, file: string, args: string[]): () => Started {
  return () => {
    const scorer = ready ?? start(file, args);
    ready = undefined;
    return scorer;
  };
}

/** Read "X-Spam-Status: No, score=1.2 required=5.0 tests=A,B autolearn=…" (possibly folded). */
export function parseSpamStatus(output: string): SpamAssassinResult | undefined {
  const header = /^X-Spam-Status:(.*(?:\r?\n[ \t].*)*)/im.exec(output)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  if (!header) return undefined;
  const score = /score=(-?[\d.]+)/.exec(header);
  const required = /required=(-?[\d.]+)/.exec(header);
  if (!score || !required) return undefined;
  // Folding may break the list after a comma: read up to the next "name=" field.
  const tests = /tests=(.*?)(?:\s+[a-z_]+=|$)/.exec(header)?.[1] ?? '';
  return { score: Number(score[1]), required: Number(required[1]), rules: tests.split(/[,\s]+/).filter((t) => t && t !== 'none') };
}

interface Started {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Spawn with its output collected from the first byte, so a process that ends early is not missed. */
function start(file: string, args: string[]): Started {
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  output.catch(() => undefined); // reported when the output is awaited, never as an unhandled rejection
  child.stdin!.on('error', () => undefined); // a runner that exits early must not crash us
  return { child, output };
}

/** A warm process waits for its message without keeping Node alive, and ends when Node does. */
const waiting = new Set<ChildProcess>();
let endsWithNode = false;
function idle(started: Started): Started {
  const { child } = started;
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as { unref?(): void }[]) handle.unref?.();
  if (!endsWithNode) process.once('exit', () => waiting.forEach((c) => c.kill()));
  endsWithNode = true;
  waiting.add(child);
  started.output.finally(() => waiting.delete(child)).catch(() => undefined);
  return started;
}

async function collect({ child, output }: Started, input: string) {
  waiting.delete(child);
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as { ref?(): void }[]) handle.ref?.();
  // Our own timer, not spawn's `timeout`: that one outlives a command that was never found and holds the process open.
  const timer = setTimeout(() => child.kill(), TIMEOUT_MS).unref();
  child.stdin!.end(input);
  try {
    return await output;
  } finally {
    clearTimeout(timer);
  }
}

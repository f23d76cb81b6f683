// Daemons as separate processes on one store file: two racing send once; one killed (SIGKILL)
// before or during the send is taken over at once (its process is gone) and the campaign goes
// out once; SIGTERM mid-step exits 0 and leaves the store consistent, and the next daemon
// finishes the work without a second send. The stand-in's gate holds requests so each process
// is stopped exactly where the test means; every clock is fixed.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { REPO } from '../helpers/project.js';
import { daemonFor, DUE, ISSUE, publishDue, sends, TestClock, world, type World } from './harness.js';

const clock = new TestClock(new Date('2022-04-05T07:00:00Z'));
let standin: Standin;
let w: World;
const children: ChildProcessWithoutNullStreams[] = [];
beforeAll(async () => {
  standin = await startStandin({ now: clock.now, canSchedule: false });
});
afterAll(() => standin.stop());
beforeEach(async () => {
  clock.set('2022-04-05T07:00:00Z');
  standin.faults.clear();
  standin.account.campaigns.clear(); // one campaign per issue: each test starts with none
  w = await world(clock);
  await publishDue(w, standin);
  clock.set(DUE);
});
afterEach(async () => {
  standin.faults.releaseAll();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await w.close();
});

interface Child {
  proc: ChildProcessWithoutNullStreams;
  owner: string;
  /** The next line the child says that starts with `word`. */
  line(word: string): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function daemonProcess(at: Date, stopGraceMs = 300): Promise<Child> {
  const script = path.join(REPO, 'tests/scheduler/daemon-child.ts');
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', script, w.dbFile, w.project.root, standin.baseUrl, at.toISOString(), String(stopGraceMs)],
    {
      cwd: REPO,
    },
  );
  children.push(proc);
  proc.stderr.resume();
  const lines: string[] = [];
  const waiting: { word: string; resolve: (l: string) => void }[] = [];
  createInterface({ input: proc.stdout }).on('line', (l) => {
    const i = waiting.findIndex((x) => l.startsWith(x.word));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(l);
    else lines.push(l);
  });
  const line = (word: string) =>
    new Promise<string>((resolve) => {
      const i = lines.findIndex((l) => l.startsWith(word));
      if (i >= 0) resolve(lines.splice(i, 1)[0]!);
      else waiting.push({ word, resolve });
    });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const owner = (await line('ready')).slice('ready '.length);
  return { proc, owner, line, exit };
}

/** Hold every request at the stand-in, let `before` of them through, and wait for the next to arrive. */
async function stopAtRequest(before: number): Promise<void> {
  for (let i = 0; i < before; i++) {
    await standin.faults.waitForHeld(1);
    standin.faults.releaseOne();
  }
  await standin.faults.waitForHeld(1);
}

/** Let the held request through and wait until Mailchimp (the stand-in) has carried out the send. */
async function letSendThrough(): Promise<void> {
  standin.faults.releaseAll();
  while (standin.account.campaign(w.campaignId).status !== 'sending') await new Promise((r) => setImmediate(r));
}

const lastOperation = () => standin.requests.at(-1)?.operationId;

describe('daemons in separate processes', () => {
  it('two racing on one store file send once', async () => {
    const [a, b] = await Promise.all([daemonProcess(DUE), daemonProcess(DUE)]);
    a.proc.stdin.write('go\n');
    b.proc.stdin.write('go\n');
    await Promise.all([a.line('ticked'), b.line('ticked')]);
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(w.store.audit.list(ISSUE, 'send')).toHaveLength(1);
    expect(w.store.dueSends.get(ISSUE)).toMatchObject({ state: 'done', outcome: 'sent', attempts: 1 });
  });

  it('killed after claiming, before the send: the next daemon takes over at once and sends once', async () => {
    standin.faults.hold();
    const child = await daemonProcess(DUE);
    child.proc.stdin.write('go\n');
    await stopAtRequest(0);
    expect(lastOperation()).toBe('getCampaignsId');
    expect(w.store.dueSends.get(ISSUE)).toMatchObject({ state: 'claimed', leaseOwner: child.owner });
    child.proc.kill('SIGKILL');
    await child.exit;
    standin.faults.releaseAll();

    clock.set('2022-04-05T08:01:00Z'); // well inside the dead daemon's lease
    const { daemon, log } = daemonFor(w, standin);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(log.lines.find((l) => l.event === 'due-send.takeover')?.message).toMatch(/process gone/);
  });

  it('killed while Mailchimp carries out its send: the next daemon reads it sending and does not send again', async () => {
    standin.faults.hold();
    const child = await daemonProcess(DUE);
    child.proc.stdin.write('go\n');
    await stopAtRequest(2); // read the campaign, read its content, then the send
    expect(lastOperation()).toBe('postCampaignsIdActionsSend');
    child.proc.kill('SIGKILL');
    await child.exit;
    await letSendThrough();

    clock.set('2022-04-05T08:01:00Z');
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('found-sending');
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
  });
});

describe('SIGTERM', () => {
  it('mid-send: exits 0 within its grace, the store is consistent, and the send is not repeated', async () => {
    standin.faults.hold();
    const child = await daemonProcess(DUE);
    child.proc.stdin.write('go\n');
    await stopAtRequest(2);
    expect(lastOperation()).toBe('postCampaignsIdActionsSend');
    child.proc.kill('SIGTERM');
    expect(await child.line('stopped')).toBe('stopped abandoned');
    expect(await child.exit).toEqual({ code: 0, signal: null });

    const db = new Database(w.dbFile, { readonly: true });
    try {
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    // Claimed by the stopped daemon, still scheduled, the attempt in the audit log and no send recorded.
    expect(w.store.dueSends.get(ISSUE)).toMatchObject({ state: 'claimed', leaseOwner: child.owner });
    expect(w.store.statuses.get(ISSUE)).toBe('scheduled');
    expect(w.store.audit.list(ISSUE, 'send-started')).toHaveLength(1);
    expect(w.store.audit.list(ISSUE, 'send')).toHaveLength(0);
    expect(w.store.heartbeats.list().find((h) => h.owner === child.owner)?.stoppedAt).not.toBeNull();

    await letSendThrough(); // the request was on its way: Mailchimp carries it out anyway
    clock.set('2022-04-05T08:01:00Z');
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('found-sending');
    expect(sends(standin, w.campaignId)).toBe(1);
  });

  it('before the send: the step finishes by giving the claim back, and the next daemon sends once', async () => {
    standin.faults.hold();
    const child = await daemonProcess(DUE, 10_000);
    child.proc.stdin.write('go\n');
    await stopAtRequest(1); // reading the campaign's content, before the send
    expect(lastOperation()).toBe('getCampaignsIdContent');
    child.proc.kill('SIGTERM');
    await child.line('stopping');
    standin.faults.releaseAll();
    expect(await child.line('stopped')).toBe('stopped finished');
    expect((await child.exit).code).toBe(0);
    expect(w.store.dueSends.get(ISSUE)).toMatchObject({ state: 'pending', outcome: 'the daemon is stopping; not started' });
    expect(sends(standin, w.campaignId)).toBe(0);

    clock.set('2022-04-05T08:01:00Z');
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
  });
});

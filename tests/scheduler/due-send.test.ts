// Due sends go out exactly once: on time, with two daemons racing on two store connections,
// after a claim whose holder vanished, after a send whose answer was lost, and — when stale —
// only after a person says `--now`. The clock is the test's; nothing waits on wall time.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NewsletterError } from '../../src/errors.js';
import { sendNow } from '../../src/scheduler/commands.js';
import { openStore } from '../../src/state/store.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { daemonFor, DUE, ISSUE, publishDue, sends, TestClock, world, type World } from './harness.js';

const clock = new TestClock(new Date('2022-04-05T07:00:00Z'));
let standin: Standin;
let w: World;
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
});
afterEach(() => w.close());

const campaign = () => standin.account.campaign(w.campaignId);

describe('a due send', () => {
  it('fires once, at its time, and the issue is sending', async () => {
    expect(w.store.statuses.get(ISSUE)).toBe('scheduled');
    const { daemon } = daemonFor(w, standin);
    clock.set('2022-04-05T07:59:00Z');
    expect((await daemon.tick()).dueSends.size).toBe(0);
    clock.set(DUE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    for (const minute of [1, 2, 10]) {
      clock.set(new Date(DUE.getTime() + minute * 60_000));
      expect((await daemon.tick()).dueSends.size).toBe(0);
    }
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(campaign().status).toBe('sending');
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
    expect(w.store.dueSends.get(ISSUE)).toMatchObject({ state: 'done', outcome: 'sent', attempts: 1 });
    expect(w.store.audit.list(ISSUE, 'send')).toHaveLength(1);
  });

  it('two daemons on two connections to one store, ticking at the same moment, send once', async () => {
    const other = openStore(w.dbFile, clock.now);
    try {
      const a = daemonFor(w, standin).daemon;
      const b = daemonFor(w, standin, { store: other }).daemon;
      clock.set(DUE);
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      const results = [...ra.dueSends.values(), ...rb.dueSends.values()];
      expect(results).toEqual(['sent']);
      expect(sends(standin, w.campaignId)).toBe(1);
    } finally {
      other.close();
    }
  });

  it('a claim whose holder died (on another host) is taken over when its lease runs out, and sent once', async () => {
    clock.set(DUE);
    expect(w.store.dueSends.claim(ISSUE, 'other-host:4242:dead', 5 * 60_000)).toBe(true);
    const { daemon, log } = daemonFor(w, standin);
    clock.set('2022-04-05T08:04:00Z');
    expect((await daemon.tick()).dueSends.size).toBe(0); // the lease still runs
    clock.set('2022-04-05T08:05:00Z');
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(log.lines.some((l) => l.event === 'due-send.takeover')).toBe(true);
  });

  it('a send applied by Mailchimp whose answer was lost is read back, recorded, and not sent again', async () => {
    standin.faults.inject('drop-after-apply', { operation: 'postCampaignsIdActionsSend' });
    const { daemon } = daemonFor(w, standin);
    clock.set(DUE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    clock.set('2022-04-05T08:10:00Z');
    await daemon.tick();
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
  });

  it('a claim left by a crash after the send went is found sending in Mailchimp: recorded, not sent again', async () => {
    clock.set(DUE);
    w.store.dueSends.claim(ISSUE, 'other-host:4242:dead', 5 * 60_000);
    standin.account.send(w.campaignId); // the dead daemon's send reached Mailchimp
    const { daemon } = daemonFor(w, standin);
    clock.set('2022-04-05T08:06:00Z');
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('found-sending');
    expect(sends(standin, w.campaignId)).toBe(0); // the stand-in was told directly; the daemon asked nothing
    expect(w.store.dueSends.get(ISSUE)?.outcome).toMatch(/found being sent by Mailchimp: not sent again/);
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
  });
});

describe('stale work', () => {
  it('is held for a person when later than the grace period, then fires once after --now', async () => {
    const { daemon, log } = daemonFor(w, standin);
    clock.set('2022-04-05T08:45:00Z'); // the machine was down: 45 min late, grace is 30
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('held');
    expect(sends(standin, w.campaignId)).toBe(0);
    expect(w.store.statuses.get(ISSUE)).toBe('needs-attention');
    expect(log.lines.find((l) => l.event === 'due-send.stale')).toMatchObject({ issue: ISSUE, lateMinutes: 45 });
    clock.set('2022-04-05T08:50:00Z');
    expect((await daemon.tick()).dueSends.size).toBe(0); // held stays held

    const person = daemonFor(w, standin, { actor: 'Ann Chair' }).daemon;
    expect(await sendNow(person.ctx, ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
    expect(w.store.audit.list(ISSUE, 'send-confirmed').map((e) => e.actor)).toEqual(['Ann Chair']);
    await daemon.tick();
    await expect(sendNow(person.ctx, ISSUE)).rejects.toMatchObject({ code: 'due-send-refused' });
    expect(sends(standin, w.campaignId)).toBe(1);
  });

  it('--now is refused while a live daemon holds the claim, and nothing is sent twice', async () => {
    clock.set(DUE);
    const holder = daemonFor(w, standin).daemon;
    w.store.dueSends.claim(ISSUE, holder.ctx.owner, 5 * 60_000);
    const person = daemonFor(w, standin, { actor: 'Ann Chair' }).daemon;
    const refused = await sendNow(person.ctx, ISSUE).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewsletterError);
    expect((refused as NewsletterError).message).toMatch(/is being sent now by/);
    expect(sends(standin, w.campaignId)).toBe(0);
  });
});

describe('before sending, Mailchimp is read', () => {
  it('a campaign changed in Mailchimp after approval is held, not sent', async () => {
    campaign().settings.subject_line = 'Edited in Mailchimp';
    const { daemon } = daemonFor(w, standin);
    clock.set(DUE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('held');
    expect(sends(standin, w.campaignId)).toBe(0);
    expect(w.store.audit.list(ISSUE, 'needs-attention').at(-1)?.details.reason).toMatch(/settings.subjectLine/);
  });

  it('an issue no longer scheduled (the send time withdrawn) is dropped, not sent', async () => {
    w.store.statuses.change(ISSUE, 'scheduled', 'approved');
    const { daemon } = daemonFor(w, standin);
    clock.set(DUE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('dropped');
    expect(sends(standin, w.campaignId)).toBe(0);
  });

  it('Mailchimp unreachable: the claim is given back and the next tick sends it', async () => {
    standin.faults.inject('503', { operation: 'getCampaignsId' });
    const { daemon } = daemonFor(w, standin);
    clock.set(DUE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('released');
    clock.set('2022-04-05T08:01:00Z');
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
  });
});

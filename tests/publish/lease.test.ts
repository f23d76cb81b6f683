// Commands that change an issue's campaign hold the issue's lease: a second publish, an unschedule
// or the daemon's due send never interleaves with one in progress. A refused command touches
// nothing in Mailchimp; a lease that runs out, or whose holder on this host is gone, is taken over.
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { NewsletterError } from '../../src/errors.js';
import { type PublishArgs, publish } from '../../src/publish/publish.js';
import { unschedule } from '../../src/publish/unschedule.js';
import { openStore } from '../../src/state/store.js';
import { issueStandings } from '../../src/workflow/status-report.js';
import { daemonFor, DUE, ISSUE, publishDue, sends, TestClock, world, type World } from '../scheduler/harness.js';
import { type Approved, approvedApril, envFor, now, standinNow, publishArgs } from './fixture.js';

/** A holder on another host: alive as far as this host can tell. */
const ELSEWHERE = 'other-host:4242:cafe';
const MINUTE = 60_000;

describe('the issue lease in the store', () => {
  let fx: Approved;
  beforeEach(async () => {
    fx = await approvedApril();
  });
  afterEach(() => fx.close());

  it('is held by one owner at a time, across connections, until released or run out', () => {
    const file = path.join(fx.project.root, '.newsletter', 'state.db');
    let at = new Date('2022-03-30T10:00:00Z');
    const other = openStore(file, () => at);
    try {
      expect(fx.store.issueLeases.acquire(ISSUE, ELSEWHERE, 'publish', 5 * MINUTE)).toBe(true);
      expect(other.issueLeases.acquire(ISSUE, 'me:1:beef', 'unschedule', 5 * MINUTE)).toBe(false);
      expect(other.issueLeases.holder(ISSUE)).toMatchObject({ owner: ELSEWHERE, action: 'publish' });
      expect(other.issueLeases.release(ISSUE, 'me:1:beef')).toBe(false); // not ours to give back
      at = new Date(at.getTime() + 5 * MINUTE); // the lease has run out
      expect(other.issueLeases.acquire(ISSUE, 'me:1:beef', 'unschedule', 5 * MINUTE)).toBe(true);
      expect(other.issueLeases.release(ISSUE, 'me:1:beef')).toBe(true);
      expect(other.issueLeases.holder(ISSUE)).toBeUndefined();
    } finally {
      other.close();
    }
  });

  it('a holder on this host whose process is gone is taken over at once', () => {
    const gone = `${hostname()}:2147483646:dead`;
    expect(fx.store.issueLeases.acquire(ISSUE, gone, 'publish', 60 * MINUTE)).toBe(true);
    expect(fx.store.issueLeases.acquire(ISSUE, 'me:1:beef', 'publish', 5 * MINUTE)).toBe(true);
  });
});

describe('commands refuse an issue another command holds, touching nothing', () => {
  let standin: Standin;
  let fx: Approved;
  beforeAll(async () => {
    standin = await standinNow();
  });
  afterAll(() => standin.stop());
  beforeEach(async () => {
    fx = await approvedApril();
    standin.requests.length = 0;
  });
  afterEach(() => fx.close());

  const args = (): PublishArgs => publishArgs(standin);

  it('publish and unschedule say who holds the issue; once it is given back, publish goes ahead', async () => {
    fx.store.issueLeases.acquire(ISSUE, ELSEWHERE, 'publish', 15 * MINUTE);
    const busy = await publish(fx.project.paths, fx.store, args()).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(NewsletterError);
    expect(busy).toMatchObject({ code: 'issue-busy', exit: 1 });
    expect((busy as Error).message).toContain(`(publish, by ${ELSEWHERE}`);
    const unscheduling = unschedule(fx.store, { id: ISSUE, by: 'Ann Chair', env: envFor(standin), progress: () => undefined });
    await expect(unscheduling).rejects.toMatchObject({ code: 'issue-busy' });
    expect(standin.requests).toEqual([]);
    expect(fx.store.statuses.get(ISSUE)).toBe('approved');

    fx.store.issueLeases.release(ISSUE, ELSEWHERE);
    await publish(fx.project.paths, fx.store, args());
    expect(fx.store.statuses.get(ISSUE)).toBe('scheduled');
    expect(fx.store.issueLeases.holder(ISSUE)).toBeUndefined(); // given back when done
    const [standing] = await issueStandings(fx.project.paths, fx.store, [ISSUE], now());
    expect(standing!.sendAtUk).toBe('5 April 2022 at 9am (BST) (scheduled in Mailchimp)');
  });
});

describe("the daemon's due send waits while a command holds the issue", () => {
  const clock = new TestClock(new Date('2022-04-05T07:00:00Z'));
  let standin: Standin;
  let w: World;
  beforeAll(async () => {
    standin = await startStandin({ now: clock.now, canSchedule: false });
  });
  afterAll(() => standin.stop());
  beforeEach(async () => {
    clock.set('2022-04-05T07:00:00Z');
    w = await world(clock);
    await publishDue(w, standin);
  });
  afterEach(() => w.close());

  it('gives its claim back untouched, then sends once when the command is done', async () => {
    const { daemon } = daemonFor(w, standin);
    clock.set(DUE);
    expect(w.store.issueLeases.acquire(ISSUE, ELSEWHERE, 'unschedule', 15 * MINUTE)).toBe(true);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('released');
    expect(sends(standin, w.campaignId)).toBe(0);
    w.store.issueLeases.release(ISSUE, ELSEWHERE);
    clock.advance(MINUTE);
    expect((await daemon.tick()).dueSends.get(ISSUE)).toBe('sent');
    expect(sends(standin, w.campaignId)).toBe(1);
  });
});

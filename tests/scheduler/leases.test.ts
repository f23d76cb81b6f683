// The compare-and-set leases themselves, on two connections to one store file: whoever claims
// first wins and the other's UPDATE changes no row, whatever the caller believed it saw; a lease
// runs out, a dead holder's is taken at once, a held send needs a person; only the holder ends it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/state/store.js';
import { DUE, ISSUE, TestClock } from './harness.js';

const LEASE = 5 * 60_000;
const clock = new TestClock(DUE);
let dir: string;
let a: Store;
let b: Store;
beforeEach(async () => {
  clock.set(DUE);
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-leases-'));
  a = openStore(path.join(dir, 'state.db'), clock.now);
  b = openStore(path.join(dir, 'state.db'), clock.now);
  a.dueSends.record(ISSUE, DUE, 'c0ffee0001', 'Ann Chair');
});
afterEach(async () => {
  a.close();
  b.close();
  await rm(dir, { recursive: true, force: true });
});

describe('due-send leases', () => {
  it('one of two connections claims; the other changes nothing, until the lease runs out', () => {
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE)).toBe(true);
    expect(b.dueSends.claim(ISSUE, 'host:2:b', LEASE)).toBe(false);
    expect(b.dueSends.get(ISSUE)).toMatchObject({ state: 'claimed', leaseOwner: 'host:1:a', attempts: 1 });
    clock.advance(LEASE - 1);
    expect(b.dueSends.claim(ISSUE, 'host:2:b', LEASE)).toBe(false);
    clock.advance(1);
    expect(b.dueSends.claim(ISSUE, 'host:2:b', LEASE)).toBe(true);
    // The first holder, back from the dead, can no longer finish it.
    expect(a.dueSends.complete(ISSUE, 'host:1:a', 'sent')).toBe(false);
    expect(b.dueSends.complete(ISSUE, 'host:2:b', 'sent')).toBe(true);
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE, { confirmedBy: 'Ann Chair' })).toBe(false); // done is done
  });

  it('not before it is due; a dead holder is taken over at once; a held send only by a person', () => {
    clock.set(new Date(DUE.getTime() - 60_000));
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE)).toBe(false);
    clock.set(DUE);
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE)).toBe(true);
    expect(b.dueSends.claim(ISSUE, 'host:2:b', LEASE, { deadOwner: 'host:9:someone-else' })).toBe(false);
    expect(b.dueSends.claim(ISSUE, 'host:2:b', LEASE, { deadOwner: 'host:1:a' })).toBe(true);
    expect(b.dueSends.hold(ISSUE, 'host:2:b', 'too late')).toBe(true);
    clock.advance(LEASE * 10);
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE)).toBe(false);
    expect(a.dueSends.claim(ISSUE, 'host:1:a', LEASE, { confirmedBy: 'Ann Chair' })).toBe(true);
    expect(a.dueSends.get(ISSUE)?.confirmedBy).toBe('Ann Chair');
  });

  it('the due time cannot be moved while someone holds the claim', () => {
    a.dueSends.claim(ISSUE, 'host:1:a', LEASE);
    expect(b.dueSends.record(ISSUE, new Date(DUE.getTime() + 3_600_000), 'c0ffee0001', 'Bob')).toBe(false);
    expect(a.dueSends.release(ISSUE, 'host:1:a', 'stopping')).toBe(true);
    expect(b.dueSends.record(ISSUE, new Date(DUE.getTime() + 3_600_000), 'c0ffee0001', 'Bob')).toBe(true);
  });
});

describe('the per-day key', () => {
  it('is taken once per day across connections, retried after a failure, and never again once done', () => {
    expect(a.dailyJobs.claim('reminder', '2022-04-05', 'host:1:a', LEASE)).toBe(true);
    expect(b.dailyJobs.claim('reminder', '2022-04-05', 'host:2:b', LEASE)).toBe(false);
    expect(a.dailyJobs.retryLater('reminder', '2022-04-05', 'host:1:a', 15 * 60_000, 'SMTP down')).toBe(true);
    clock.advance(14 * 60_000);
    expect(b.dailyJobs.claim('reminder', '2022-04-05', 'host:2:b', LEASE)).toBe(false);
    clock.advance(60_000);
    expect(b.dailyJobs.claim('reminder', '2022-04-05', 'host:2:b', LEASE)).toBe(true);
    expect(b.dailyJobs.complete('reminder', '2022-04-05', 'host:2:b', 'sent')).toBe(true);
    clock.advance(LEASE * 100);
    expect(a.dailyJobs.claim('reminder', '2022-04-05', 'host:1:a', LEASE)).toBe(false);
    expect(a.dailyJobs.claim('reminder', '2022-04-06', 'host:1:a', LEASE)).toBe(true);
  });
});

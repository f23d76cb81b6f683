// The daemon's sense of time: a clock passed in (tests drive it; nothing here reads Date itself),
// and the UK calendar it works by. A "day" is a Europe/London calendar day, whatever the offset.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../render/dates.js';

export type Clock = () => Date;

/** The UK calendar day of an instant, "2025-03-30". */
export function ukDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TIME_ZONE }).toFormat('yyyy-MM-dd');
}

/** Minutes since UK midnight on the UK wall clock: 09:30 BST and 09:30 GMT are both 570. */
export function ukMinuteOfDay(at: Date): number {
  const t = DateTime.fromJSDate(at, { zone: TIME_ZONE });
  return t.hour * 60 + t.minute;
}

/**
 * The name a daemon (or a command) takes leases under: host, process id and a random part, so
 * that a restarted process with a reused pid is still someone else.
 */
export function leaseOwner(pid = process.pid, host = hostname()): string {
  return `${host}:${pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether the owner of a lease is a process on this host that no longer runs: its claim need not
 * wait for the lease to run out. Another host's process cannot be seen, so it never counts as dead.
 */
export function ownerIsDead(owner: string, host = hostname()): boolean {
  const [ownerHost, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (ownerHost !== host || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

// The daemon's sense of time: a clock passed in (tests drive it; nothing here reads Date itself),
// and the UK calendar it works by. A "day" is a Europe/London calendar day, whatever the offset.
import { DateTime } from 'luxon';
import { TIME_ZONE } from '../time/uk.js';

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

export { leaseOwner, ownerIsDead } from '../state/owners.js';

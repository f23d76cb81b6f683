// When the daemon reads an issue's report: about an hour, a day and a week after the send.
// Pure: the send time, the time now and the slots already read go in; the slot to read comes out.
import type { ReadingSlot } from '../state/report-reading.js';

export type ScheduledSlot = Exclude<ReadingSlot, 'asked'>;

const HOUR = 3_600_000;
export const SLOT_DELAY: Readonly<Record<ScheduledSlot, number>> = { hour: HOUR, day: 24 * HOUR, week: 7 * 24 * HOUR };
/**
 * Past this, the daemon stops asking (a campaign deleted in Mailchimp would otherwise be asked
 * about forever); Mailchimp's figures hardly move after a month, and `report --refresh` still reads.
 */
export const GIVE_UP_AFTER = 30 * 24 * HOUR;
/** Latest first: after downtime only the latest slot that has come is read, not three at once. */
const LATEST_FIRST: readonly ScheduledSlot[] = ['week', 'day', 'hour'];

export const SLOT_WORDS: Readonly<Record<ReadingSlot, string>> = {
  hour: 'about 1 hour after the send',
  day: 'about 24 hours after the send',
  week: 'about 7 days after the send',
  asked: 'on request',
};

/**
 * The slot to read now, or undefined. The latest slot whose time has come is read unless it has
 * been; an earlier slot missed while the daemon was down is skipped rather than read late under
 * its name. Nothing is due a month after the send.
 */
export function slotDue(sentAt: Date, now: Date, read: ReadonlySet<ReadingSlot>): ScheduledSlot | undefined {
  if (now.getTime() > sentAt.getTime() + GIVE_UP_AFTER) return undefined;
  for (const slot of LATEST_FIRST) {
    if (now.getTime() < sentAt.getTime() + SLOT_DELAY[slot]) continue;
    return read.has(slot) ? undefined : slot;
  }
  return undefined;
}

/** When the next scheduled reading falls: now when one is due, undefined once the week's is done. */
export function nextReading(sentAt: Date, now: Date, read: ReadonlySet<ReadingSlot>): Date | undefined {
  if (slotDue(sentAt, now, read)) return now;
  if (read.has('week')) return undefined;
  for (const slot of [...LATEST_FIRST].reverse()) {
    const at = new Date(sentAt.getTime() + SLOT_DELAY[slot]);
    if (at > now) return at;
  }
  return undefined;
}

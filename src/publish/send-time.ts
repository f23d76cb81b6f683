// When a campaign may be scheduled: Mailchimp accepts only the quarter-hours, and never the past.
// Pure: the instant and the clock's "now" come in; UK wall-clock times go out in messages.
import { DateTime } from 'luxon';
import { NewsletterError } from '../errors.js';
import { TIME_ZONE as ZONE } from '../time/uk.js';

const QUARTER = 15 * 60_000;

/** "2022-04-05 09:00 BST" — the UK wall-clock time of an instant, with its zone abbreviation. */
export function ukClock(at: Date): string {
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  return `${local.toFormat('yyyy-MM-dd HH:mm')} ${local.offset === 60 ? 'BST' : 'GMT'}`;
}

/** The instant itself when it is a quarter-hour in the future; otherwise a located refusal. */
export function checkSendTime(at: Date, now: Date, source = '--at'): Date {
  if (at.getTime() % QUARTER !== 0) {
    const before = new Date(Math.floor(at.getTime() / QUARTER) * QUARTER);
    const after = new Date(before.getTime() + QUARTER);
    throw new NewsletterError(
      'send-time',
      `${source}: ${ukClock(at)} is not on a quarter-hour, and Mailchimp schedules only on the quarter-hour`,
      {
        hint: `use ${ukClock(before)} or ${ukClock(after)}`,
      },
    );
  }
  if (at.getTime() <= now.getTime()) {
    throw new NewsletterError('send-time', `${source}: ${ukClock(at)} has passed (it is ${ukClock(now)} now)`, {
      hint: 'give a time in the future with --at "YYYY-MM-DD HH:MM", or change sendAt in the issue file',
    });
  }
  return at;
}

// When a campaign may be scheduled: Mailchimp accepts only the quarter-hours, and never the past.
// Pure: the instant and the clock's "now" come in; UK wall-clock times go out in messages.
import { NewsletterError } from '../errors.js';
import { londonLocal, ukClock, ukDate } from '../time/uk.js';

const QUARTER = 15 * 60_000;

export { ukClock } from '../time/uk.js';

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

/**
 * The email, the archive page and the studio print sendAt's date, and approval pinned that render,
 * so a send moved by --at/--send-at keeps to that UK day; another day is refused with the line to
 * write in the issue file (then check and approve again). `sendAt` is "YYYY-MM-DD HH:MM", UK time.
 */
export function refuseAnotherDay(at: Date, sendAt: string, file: string, source: string): void {
  const goes = londonLocal(at);
  const says = ukDate(sendAt.slice(0, 10));
  if (goes.slice(0, 10) === sendAt.slice(0, 10)) return;
  // Without --at the campaign goes at sendAt; an account that cannot schedule needs --send-at, on that day.
  const instead = source === '--send-at' ? `give --send-at a time on ${says}` : `publish without ${source}`;
  throw new NewsletterError('send-time', `${source}: the email says ${says} but would go on ${ukDate(goes.slice(0, 10))}`, {
    hint: `set sendAt: "${goes}" in ${file} (then check and approve again), or ${instead}`,
  });
}

// Whether the issue can still go as it says: a draft whose send time has passed cannot be sent at
// it, and `status: sent` in issue.yaml without a sent record is not a send (it puts nothing in the
// archive). Pure: the clock and whether a sent record exists are passed in (CheckOptions).
import { unrecordedSentClaim } from '../../archive/sent.js';
import { londonToUtc, ukDate, ukDayOf, ukInstant, withSendTime } from '../../time/uk.js';
import type { Check, CheckContext } from '../context.js';
import type { Finding } from '../finding.js';

export const sendingCheck: Check = {
  name: 'sending',
  description: 'the send time is still to come, and an issue called sent has a record of its send',
  run: (ctx) => [...sendTimePassed(ctx), ...sentWithoutRecord(ctx)],
};

function sendTimePassed({ issue, content, options }: CheckContext): Finding[] {
  if (options.sent || !options.now) return [];
  const at = options.sendAt ?? londonToUtc(withSendTime(issue.sendAt, content.newsletter.defaultSendTime));
  if (at.getTime() > options.now.getTime()) return [];
  const moved = options.sendAt !== undefined;
  const day = issue.sendAt.slice(0, 10);
  // --at moves the time within the day the email prints (publish refuses another day), so it helps only today.
  const later = ukDayOf(options.now) === ukDate(day) ? `publish later today with --at "${day} HH:MM", or ` : '';
  return [
    {
      code: 'sending/time-passed',
      severity: 'error',
      section: null,
      message: `${moved ? 'the send time given' : 'sendAt'}, ${ukInstant(at)}, has passed (it is ${ukInstant(options.now)} now), so the issue cannot go then`,
      fix: `${later}set sendAt in ${issue.file} to when it will go (the email prints its date), then approve the issue`,
      file: issue.file,
      field: 'sendAt',
    },
  ];
}

function sentWithoutRecord({ issue, options }: CheckContext): Finding[] {
  // Judged only when the caller has looked for a record (checkRendered always does).
  if (issue.status !== 'sent' || options.sent !== false) return [];
  const claim = unrecordedSentClaim(issue);
  return [{ code: 'sending/no-sent-record', severity: 'error', section: null, ...claim, file: issue.file, field: 'status' }];
}

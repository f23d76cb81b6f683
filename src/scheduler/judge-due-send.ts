// What to do with a due send whose leases the daemon holds, judged from what Mailchimp says of
// its campaign and the clock. Pure: due-send.ts reads the facts, asks here, and carries out the
// verdict (hold, record, send). The last checks before sending — the approval still stands and
// Mailchimp's content is what was approved — need further reads and stay with the sender.
import { goingOrGone, type Campaign } from '../mailchimp/index.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { ukInstant } from '../time/uk.js';
import type { DueSend } from '../state/due-sends.js';

export interface DueSendFacts {
  issue: string;
  due: DueSend;
  /** The issue's campaign as Mailchimp reports it; null when Mailchimp has none. */
  campaign: Campaign | null;
  now: Date;
  /** How late a send may still go without a person confirming it (NEWSLETTER_GRACE). */
  graceMs: number;
}

export type DueSendVerdict =
  /** Send it now (after the last checks). */
  | { kind: 'fire'; campaign: Campaign }
  /** Mailchimp has it going or gone already: record that, never send again. */
  | { kind: 'already-sent'; campaign: Campaign }
  /** Too late to send without a person saying so. */
  | { kind: 'stale'; why: string; lateMinutes: number }
  /** Not the daemon's to send: a person must look. */
  | { kind: 'hold'; why: string };

export function judgeDueSend({ issue, due, campaign, now, graceMs }: DueSendFacts): DueSendVerdict {
  if (!campaign)
    return { kind: 'hold', why: `its campaign cannot be found in Mailchimp; run \`newsletter publish ${issue} --send-at\` again` };
  if (goingOrGone(campaign.status)) return { kind: 'already-sent', campaign };
  if (campaign.status === 'schedule')
    return {
      kind: 'hold',
      why: `its campaign was scheduled in Mailchimp for ${campaign.sendTime ?? 'a time'}; the daemon will not send it as well`,
    };
  if (campaign.status !== 'save' && campaign.status !== 'paused')
    return { kind: 'hold', why: `its campaign is ${campaignStatusWords(campaign.status)}` };

  const late = now.getTime() - due.dueAt.getTime();
  if (late > graceMs && !due.confirmedBy) {
    const lateMinutes = Math.round(late / 60_000);
    return {
      kind: 'stale',
      lateMinutes,
      why: `its send was due at ${ukInstant(due.dueAt)} and is ${lateMinutes} min late (more than NEWSLETTER_GRACE); send it with \`newsletter publish ${issue} --now\` if it should still go`,
    };
  }
  return { kind: 'fire', campaign };
}

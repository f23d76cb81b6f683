// The judge of a due send: from its row, Mailchimp's campaign and the clock, what the daemon does.
// Pure, so each case is one call; due-send.test.ts runs the same cases through the daemon for real.
import { describe, expect, it } from 'vitest';
import type { Campaign, CampaignStatus } from '../../src/mailchimp/index.js';
import { judgeDueSend } from '../../src/scheduler/judge-due-send.js';
import type { DueSend } from '../../src/state/due-sends.js';

const dueAt = new Date('2022-04-05T08:00:00Z');
const graceMs = 30 * 60_000;
const due: DueSend = {
  issue: '2022-04',
  campaignId: 'c1',
  dueAt,
  state: 'claimed',
  confirmedBy: null,
  leaseOwner: 'host:1',
  leaseUntil: new Date('2022-04-05T08:05:00Z'),
  attempts: 1,
  outcome: null,
  recordedBy: 'Ann',
};

function campaign(status: CampaignStatus, sendTime: string | null = null): Campaign {
  return {
    id: 'c1',
    webId: 1,
    status,
    sendTime,
    emailsSent: 0,
    createTime: '2022-04-01T10:00:00Z',
    audienceId: 'list1',
    title: 'panel-newsletter:2022-04',
    subject: 'Panel newsletter: April 2022',
    previewText: '',
    fromName: 'Child Safeguarding Practice Review Panel',
    replyTo: 'panel@example.org',
  };
}

const minutesAfterDue = (m: number) => new Date(dueAt.getTime() + m * 60_000);
const judge = (over: { campaign?: Campaign | null; now?: Date; confirmedBy?: string }) =>
  judgeDueSend({
    issue: '2022-04',
    due: { ...due, confirmedBy: over.confirmedBy ?? null },
    campaign: over.campaign === undefined ? campaign('save') : over.campaign,
    now: over.now ?? dueAt,
    graceMs,
  });

describe('judging a due send', () => {
  it.each(['save', 'paused'] as const)('fires a %s campaign at its time and within the grace period', (status) => {
    expect(judge({ campaign: campaign(status) })).toEqual({ kind: 'fire', campaign: campaign(status) });
    expect(judge({ campaign: campaign(status), now: minutesAfterDue(30) }).kind).toBe('fire');
  });

  it.each(['sending', 'sent'] as const)('records a campaign already %s instead of sending it again, however late', (status) => {
    expect(judge({ campaign: campaign(status) })).toEqual({ kind: 'already-sent', campaign: campaign(status) });
    expect(judge({ campaign: campaign(status), now: minutesAfterDue(600) }).kind).toBe('already-sent');
  });

  it('holds a send later than the grace period for a person, saying how late', () => {
    const verdict = judge({ now: minutesAfterDue(31) });
    expect(verdict).toMatchObject({ kind: 'stale', lateMinutes: 31 });
    expect(verdict.kind === 'stale' && verdict.why).toMatch(/due at .* and is 31 min late .*`newsletter publish 2022-04 --now`/);
  });

  it('fires a late send a person confirmed with --now', () => {
    expect(judge({ now: minutesAfterDue(600), confirmedBy: 'Ann' }).kind).toBe('fire');
  });

  it('holds when Mailchimp has no campaign, and says how to make one', () => {
    expect(judge({ campaign: null })).toEqual({
      kind: 'hold',
      why: 'its campaign cannot be found in Mailchimp; run `newsletter publish 2022-04 --send-at` again',
    });
  });

  it('holds a campaign scheduled in Mailchimp, so it is not sent twice', () => {
    expect(judge({ campaign: campaign('schedule', '2022-04-05T09:00:00Z') })).toEqual({
      kind: 'hold',
      why: 'its campaign was scheduled in Mailchimp for 2022-04-05T09:00:00Z; the daemon will not send it as well',
    });
  });

  it.each(['canceled', 'canceling', 'archived'] as const)('holds a campaign that is %s', (status) => {
    expect(judge({ campaign: campaign(status) })).toEqual({ kind: 'hold', why: `its campaign is ${status} in Mailchimp` });
  });
});

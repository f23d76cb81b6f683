// Mailchimp says the campaign went: settle it. If what went is what was approved, publish's
// markIssueSent freezes the approved snapshot into the archive and moves the issue to sent with
// the send time and the emails sent (safe to call again). If the campaign was changed in
// Mailchimp after approval, the archive would show something subscribers did not receive: a
// person decides instead.
import type { Campaign } from '../mailchimp/index.js';
import { markIssueSent } from '../publish/mark-sent.js';
import type { IssueStatus } from '../state/status.js';
import { approvalsNeeded, driftAgainst, needsAttention, type SchedulerContext } from './context.js';

export type SettleSentResult = 'sent' | 'needs-attention' | 'changed-meanwhile';

export async function settleSentCampaign(
  ctx: SchedulerContext,
  issue: string,
  from: IssueStatus,
  campaign: Campaign,
): Promise<SettleSentResult> {
  const needed = await approvalsNeeded(ctx);
  const snapshot = ctx.store.approvals.approvedSnapshot(issue, needed);
  const drift = snapshot ? await driftAgainst(ctx, snapshot, campaign) : [];
  if (drift.length > 0) {
    needsAttention(
      ctx,
      issue,
      from,
      `Mailchimp sent campaign ${campaign.id} with ${drift.join(', ')} changed after approval; the archive was not written — compare it with the approved issue and record it by hand`,
    );
    return 'needs-attention';
  }
  const result = await markIssueSent(ctx.paths, ctx.store, issue, campaign, {
    approvalsNeeded: needed,
    now: ctx.clock(),
    actor: ctx.actor,
  });
  if (result.result === 'unknown-content') {
    needsAttention(ctx, issue, from, `Mailchimp sent campaign ${campaign.id}, but no approved snapshot matches what it was given`);
    return 'needs-attention';
  }
  if (result.status !== 'sent') return 'changed-meanwhile';
  ctx.log.info('issue.sent', `${issue} was sent to ${campaign.emailsSent} people; archived`, {
    issue,
    campaign: campaign.id,
    sentAt: campaign.sendTime,
    emailsSent: campaign.emailsSent,
  });
  return 'sent';
}

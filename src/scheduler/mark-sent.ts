// Mailchimp says the campaign went: freeze the approved snapshot into the archive, then record the
// issue as sent with when it went and to how many. The archive is written first and is safe to
// write again, so a crash between the two is put right by the next reconcile.
import { recordSent } from '../archive/record.js';
import type { Campaign } from '../mailchimp/index.js';
import type { IssueStatus } from '../state/status.js';
import { StatusChanged } from '../state/status.js';
import { approvedSnapshotOf, driftAgainst, needsAttention, type SchedulerContext } from './context.js';

export type MarkSentResult = 'sent' | 'needs-attention' | 'changed-meanwhile';

export async function markSent(ctx: SchedulerContext, issue: string, from: IssueStatus, campaign: Campaign): Promise<MarkSentResult> {
  const snapshot = await approvedSnapshotOf(ctx, issue);
  if (!snapshot) {
    needsAttention(ctx, issue, from, `Mailchimp sent campaign ${campaign.id}, but the store holds no approved snapshot to archive`);
    return 'needs-attention';
  }
  const drift = await driftAgainst(ctx, snapshot, campaign);
  if (drift.length > 0) {
    needsAttention(
      ctx,
      issue,
      from,
      `Mailchimp sent campaign ${campaign.id} with ${drift.join(', ')} changed after approval; the archive was not written — compare it with the approved issue and record it by hand`,
    );
    return 'needs-attention';
  }
  const sentAt = campaign.sendTime ? new Date(campaign.sendTime) : ctx.clock();
  await recordSent(ctx.paths, snapshot, sentAt);
  try {
    ctx.store.tx(() => {
      ctx.store.statuses.change(issue, from, 'sent');
      ctx.store.audit.append({
        actor: ctx.actor,
        action: 'sent',
        issue,
        hash: snapshot.hash,
        details: { campaignId: campaign.id, sentAt: sentAt.toISOString(), emailsSent: campaign.emailsSent },
      });
    });
  } catch (e) {
    if (e instanceof StatusChanged) return 'changed-meanwhile';
    throw e;
  }
  ctx.log.info('issue.sent', `${issue} was sent to ${campaign.emailsSent} people; archived`, {
    issue,
    campaign: campaign.id,
    sentAt: sentAt.toISOString(),
    emailsSent: campaign.emailsSent,
  });
  return 'sent';
}

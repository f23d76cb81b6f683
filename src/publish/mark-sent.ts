// When Mailchimp reports an issue's campaign sent: record the approved snapshot as sent (so the
// archive and the feed show it, from what was approved and set, not a new render) and move the
// issue to sent, audited. `status` calls it when it sees "sent"; the daemon's reconcile does too.
// Safe to call again: the sent record is written once, and the status moves only from where it is.
import { recordSent } from '../workflow/record-sent.js';
import type { ProjectPaths } from '../pipeline.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import { stepsToSent } from '../lifecycle.js';

export interface SentCampaign {
  id: string;
  /** When Mailchimp sent it (ISO 8601), if it says. */
  sendTime: string | null;
  emailsSent: number;
}

export type MarkIssueSentResult =
  | { result: 'recorded' | 'already'; status: IssueStatus }
  /** No approved snapshot matches what the campaign was given: a person must look. */
  | { result: 'unknown-content'; status: IssueStatus };

export async function markIssueSent(
  paths: ProjectPaths,
  store: Store,
  issueId: string,
  campaign: SentCampaign,
  opts: { approvalsNeeded: number; now: Date; actor?: string },
): Promise<MarkIssueSentResult> {
  const snapshot = store.approvals.approvedSnapshot(issueId, opts.approvalsNeeded);
  const contentSet = store.campaigns.get(issueId)?.contentSet;
  if (!snapshot || (contentSet && contentSet.snapshotHash !== snapshot.hash))
    return { result: 'unknown-content', status: store.statuses.get(issueId) };
  const sentAt = campaign.sendTime ? new Date(campaign.sendTime) : opts.now;
  const written = await recordSent(paths, snapshot, sentAt);
  const status = store.tx(() => {
    let from = store.statuses.get(issueId);
    const steps = stepsToSent(from);
    for (const to of steps) {
      store.statuses.change(issueId, from, to);
      store.audit.append({
        actor: opts.actor ?? 'newsletter',
        action: 'status',
        issue: issueId,
        hash: snapshot.hash,
        details: { from, to },
      });
      from = to;
    }
    if (steps.length > 0 || written === 'written')
      store.audit.append({
        actor: opts.actor ?? 'newsletter',
        action: 'sent',
        issue: issueId,
        hash: snapshot.hash,
        details: { campaignId: campaign.id, sentAt: sentAt.toISOString(), emailsSent: campaign.emailsSent, archive: written },
      });
    return from;
  });
  return { result: written === 'written' ? 'recorded' : 'already', status };
}

// Reconciliation: every issue the store has as scheduled or sending is compared with its campaign
// in Mailchimp (a scheduled issue whose file changed since approval is parked first, without asking
// Mailchimp). Mailchimp's progress is followed (scheduled → sending → sent, with the send time
// and emails sent); anything else — changed after approval, unscheduled, cancelled, deleted — is
// parked as needs-attention for a person. Only reads Mailchimp; every store change is a
// compare-and-set, so a command or another daemon acting at the same moment wins cleanly.
import { MailchimpError, type Campaign } from '../mailchimp/index.js';
import { StatusChanged, type IssueStatus } from '../state/status.js';
import { approvalsNeeded, approvedSnapshotOf, campaignOf, driftAgainst, needsAttention, type SchedulerContext } from './context.js';
import { settleSentCampaign } from './settle-sent.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { CHANGED_WHILE_SCHEDULED, currentContentHash, parkIfChangedWhileScheduled } from '../workflow/scheduled-change.js';

export type ReconcileOutcome = 'in-step' | 'sending' | 'sent' | 'needs-attention' | 'unreachable' | 'changed-meanwhile';

export async function reconcileAll(ctx: SchedulerContext): Promise<Map<string, ReconcileOutcome>> {
  const results = new Map<string, ReconcileOutcome>();
  for (const [issue, status] of ctx.store.statuses.all()) {
    if (status !== 'scheduled' && status !== 'sending') continue;
    if (ctx.stopping()) break;
    if (status === 'scheduled' && (await changedWhileScheduled(ctx, issue))) {
      results.set(issue, 'needs-attention');
      continue;
    }
    results.set(issue, await reconcileIssue(ctx, issue, status));
  }
  return results;
}

/** A scheduled issue whose file no longer gives the approved snapshot is parked at once (workflow/scheduled-change.ts). */
async function changedWhileScheduled(ctx: SchedulerContext, issue: string): Promise<boolean> {
  const parked = parkIfChangedWhileScheduled(
    ctx.store,
    issue,
    await currentContentHash(ctx.paths, issue),
    await approvalsNeeded(ctx),
    ctx.actor,
  );
  if (parked)
    ctx.log.warn('needs-attention', `${issue} needs attention: ${CHANGED_WHILE_SCHEDULED}`, { issue, reason: CHANGED_WHILE_SCHEDULED });
  return parked;
}

async function reconcileIssue(ctx: SchedulerContext, issue: string, status: 'scheduled' | 'sending'): Promise<ReconcileOutcome> {
  let campaign: Campaign;
  try {
    const found = await campaignOf(ctx, issue);
    if (!found) return attention(ctx, issue, status, 'no campaign for it was found in Mailchimp (deleted there?)');
    campaign = found;
  } catch (e) {
    if (!(e instanceof MailchimpError)) return attention(ctx, issue, status, e instanceof Error ? e.message : String(e));
    ctx.log.warn('reconcile.unreachable', `${issue}: Mailchimp could not be read (${e instanceof Error ? e.message : String(e)})`, {
      issue,
    });
    return 'unreachable';
  }
  switch (campaign.status) {
    case 'sent':
      return settleSentCampaign(ctx, issue, status, campaign);
    case 'sending':
      if (status === 'sending') return 'in-step';
      return move(ctx, issue, campaign);
    case 'schedule': {
      if (status === 'sending') return attention(ctx, issue, status, `the store has it sending, but Mailchimp has it scheduled again`);
      const snapshot = await approvedSnapshotOf(ctx, issue);
      if (!snapshot) return attention(ctx, issue, status, 'it is scheduled in Mailchimp but its approval was withdrawn');
      const drift = await driftAgainst(ctx, snapshot, campaign);
      if (drift.length > 0) return attention(ctx, issue, status, `its campaign changed in Mailchimp after approval (${drift.join(', ')})`);
      return 'in-step';
    }
    case 'save':
    case 'paused': {
      const due = ctx.store.dueSends.get(issue);
      // A due send is ours to fire: Mailchimp holds it unscheduled on purpose.
      if (status === 'scheduled' && due && (due.state === 'pending' || due.state === 'claimed')) return 'in-step';
      return attention(
        ctx,
        issue,
        status,
        `its campaign is no longer scheduled in Mailchimp (it is ${campaignStatusWords(campaign.status)})`,
      );
    }
    default:
      return attention(ctx, issue, status, `its campaign is ${campaignStatusWords(campaign.status)}`);
  }
}

function move(ctx: SchedulerContext, issue: string, campaign: Campaign): ReconcileOutcome {
  try {
    ctx.store.tx(() => {
      ctx.store.statuses.change(issue, 'scheduled', 'sending');
      ctx.store.audit.append({
        actor: ctx.actor,
        action: 'sending',
        issue,
        hash: null,
        details: { campaignId: campaign.id, sendTime: campaign.sendTime },
      });
    });
  } catch (e) {
    if (e instanceof StatusChanged) return 'changed-meanwhile';
    throw e;
  }
  ctx.log.info('issue.sending', `${issue}: Mailchimp is sending campaign ${campaign.id}`, { issue, campaign: campaign.id });
  return 'sending';
}

function attention(ctx: SchedulerContext, issue: string, from: IssueStatus, reason: string): ReconcileOutcome {
  return needsAttention(ctx, issue, from, reason) ? 'needs-attention' : 'changed-meanwhile';
}

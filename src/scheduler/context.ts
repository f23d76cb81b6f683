// What every scheduler step is given: the store (the truth), the project folder, the clock, the
// lease owner, the settings, and the edges made lazily (Mailchimp, SMTP), so a test passes its own.
import type { IssueSnapshot } from '../archive/snapshot.js';
import type { MailTransport } from '../distribute/transport.js';
import type { Campaign, MailchimpClient } from '../mailchimp/index.js';
import { loadProject, type ProjectPaths } from '../pipeline.js';
import { campaignTitle, driftOf, remoteContentHash, type RemoteCampaign } from '../publish/plan.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import type { Clock } from './clock.js';
import type { SchedulerConfig } from './config.js';
import type { Logger } from './log.js';

export interface SchedulerContext {
  store: Store;
  paths: ProjectPaths;
  clock: Clock;
  /** host:pid:random — the name on the leases this process takes. */
  owner: string;
  /** Who the audit log names: "daemon", or the person at the command line. */
  actor: string;
  config: SchedulerConfig;
  mailchimp(): MailchimpClient;
  /** SMTP for reminders; made when a reminder is due. */
  transport(): MailTransport;
  log: Logger;
  /** True once a shutdown was asked for: start nothing new, give back what is not started. */
  stopping(): boolean;
}

/** The snapshot enough people approved, or undefined (withdrawn, or never approved). */
export async function approvedSnapshotOf(ctx: SchedulerContext, issue: string): Promise<IssueSnapshot | undefined> {
  const project = await loadProject(ctx.paths);
  const needed = project.content?.newsletter.approvals ?? 1;
  return ctx.store.approvals.approvedSnapshot(issue, needed);
}

/**
 * The issue's campaign id: the one the due send recorded, else the one found by the stable title
 * key; undefined when Mailchimp has none.
 */
export async function campaignIdOf(ctx: SchedulerContext, issue: string): Promise<string | undefined> {
  const recorded = ctx.store.dueSends.get(issue)?.campaignId;
  if (recorded) return recorded;
  const found = await ctx.mailchimp().findCampaignsByTitle(campaignTitle(issue));
  return found.at(-1)?.id;
}

/** What differs in Mailchimp from the approved snapshot: settings and content ([] when none). */
export async function driftAgainst(ctx: SchedulerContext, snapshot: IssueSnapshot, campaign: Campaign): Promise<string[]> {
  const content = await ctx.mailchimp().getContent(campaign.id);
  const remote: RemoteCampaign = {
    id: campaign.id,
    status: campaign.status,
    settings: {
      title: campaign.title,
      subjectLine: campaign.subject,
      previewText: campaign.previewText,
      fromName: campaign.fromName,
      replyTo: campaign.replyTo,
    },
    sendTime: campaign.sendTime ? new Date(campaign.sendTime) : null,
    contentHash: remoteContentHash(content.html, content.plainText),
    emailsSent: campaign.emailsSent,
  };
  // Content is compared whole: no contentSet record claims Mailchimp's copy as ours.
  return driftOf(snapshot, remote, { campaignId: campaign.id, contentSet: { snapshotHash: '', remoteContentHash: '' } });
}

/** Park the issue for a person, from the status seen, with the reason in the audit log and the log. */
export function needsAttention(ctx: SchedulerContext, issue: string, from: IssueStatus, reason: string): boolean {
  try {
    ctx.store.tx(() => {
      if (from !== 'needs-attention') ctx.store.statuses.change(issue, from, 'needs-attention');
      ctx.store.audit.append({ actor: ctx.actor, action: 'needs-attention', issue, hash: null, details: { from, reason } });
    });
  } catch (e) {
    ctx.log.warn('needs-attention.lost', `${issue} changed meanwhile; not marked as needing attention`, {
      issue,
      error: e instanceof Error ? e.message : String(e),
    });
    return false;
  }
  ctx.log.warn('needs-attention', `${issue} needs attention: ${reason}`, { issue, reason });
  return true;
}

/** The latest reason an issue was parked, from the audit log. */
export function attentionReason(store: Store, issue: string): string | undefined {
  const entry = store.audit.list(issue, 'needs-attention').at(-1);
  return typeof entry?.details.reason === 'string' ? entry.details.reason : undefined;
}

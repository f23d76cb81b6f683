// What every scheduler step is given: the store (the truth), the project folder, the clock, the
// lease owner, the settings, and the edges made lazily (Mailchimp, SMTP), so a test passes its own.
import type { IssueSnapshot } from '../archive/snapshot.js';
import type { MailTransport } from '../distribute/transport.js';
import type { Campaign, MailchimpClient } from '../mailchimp/index.js';
import { loadProject, type ProjectPaths } from '../pipeline.js';
import { driftOf } from '../publish/plan.js';
import { findCampaign, recordOf, remoteOf } from '../publish/remote.js';
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

/** How many approvals newsletter.yaml asks for (1 when the content cannot be read). */
export async function approvalsNeeded(ctx: SchedulerContext): Promise<number> {
  return (await loadProject(ctx.paths)).content?.newsletter.approvals ?? 1;
}

/** The snapshot enough people approved, or undefined (withdrawn, or never approved). */
export async function approvedSnapshotOf(ctx: SchedulerContext, issue: string): Promise<IssueSnapshot | undefined> {
  return ctx.store.approvals.approvedSnapshot(issue, await approvalsNeeded(ctx));
}

/** The issue's campaign as Mailchimp holds it (by the stored id, else the title key), or null. */
export function campaignOf(ctx: SchedulerContext, issue: string): Promise<Campaign | null> {
  return findCampaign(ctx.mailchimp(), ctx.store, issue);
}

/** What differs in Mailchimp from the approved snapshot: settings and content ([] when none). */
export async function driftAgainst(ctx: SchedulerContext, snapshot: IssueSnapshot, campaign: Campaign): Promise<string[]> {
  const remote = await remoteOf(ctx.mailchimp(), campaign);
  const record = recordOf(ctx.store, snapshot.issueId);
  // No record of setting the content (a campaign made by hand, or a store that lost it): compare it whole.
  const strict = record.contentSet ? record : { ...record, contentSet: { snapshotHash: '', remoteContentHash: '' } };
  return driftOf(snapshot, remote, strict);
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

/** The latest reason an issue was parked, from the audit log (one reader, in workflow/status-report.ts). */
export { attentionReason } from '../workflow/status-report.js';

// Publishing an approved snapshot: find the campaign, read it, plan, show the plan, and (unless
// it is a dry run) apply it. The refusals come before this (publish.ts); this part only ever
// makes Mailchimp hold the snapshot given, scheduled at the time given.
import type { IssueSnapshot } from '../archive/snapshot.js';
import type { MailchimpClient } from '../mailchimp/index.js';
import type { Store } from '../state/store.js';
import { applyPlan, markScheduled } from './apply.js';
import { type PublishPlan, planPublish, type RemoteCampaign } from './plan.js';
import type { PictureSource } from './host-pictures.js';
import { findCampaign, recordOf, remoteOf } from './remote.js';

export interface SyncArgs {
  client: MailchimpClient;
  store: Store;
  snapshot: IssueSnapshot;
  sendAt: Date;
  actor: string;
  dryRun: boolean;
  progress: (line: string) => void;
  /** The pictures' bytes, for the File Manager. */
  pictures?: PictureSource;
  /** Shown the plan before anything is changed. */
  onPlan?: (plan: PublishPlan, remote: RemoteCampaign | null) => void;
}

export interface SyncResult {
  plan: PublishPlan;
  /** Null only for a dry run with no campaign yet. */
  campaignId: string | null;
  applied: boolean;
}

export async function publishApproved(args: SyncArgs): Promise<SyncResult> {
  const { client, store, snapshot } = args;
  args.progress('Reading the campaign in Mailchimp…');
  const campaign = await findCampaign(client, store, snapshot.issueId, !args.dryRun);
  const remote = campaign ? await remoteOf(client, campaign) : null;
  const plan = planPublish(snapshot, args.sendAt, remote, recordOf(store, snapshot.issueId));
  args.onPlan?.(plan, remote);
  if (args.dryRun) return { plan, campaignId: plan.campaignId, applied: false };
  const campaignId = await applyPlan(
    { client, store, snapshot, actor: args.actor, progress: args.progress, pictures: args.pictures },
    plan,
  );
  // A run that found the schedule already made (say, after a crash just before the store was told) still records it.
  const entry = store.campaigns.get(snapshot.issueId);
  if (campaignId && (entry?.scheduledFor?.getTime() !== args.sendAt.getTime() || store.statuses.get(snapshot.issueId) === 'approved'))
    markScheduled(store, snapshot.issueId, campaignId, args.sendAt, args.actor, snapshot.hash);
  return { plan, campaignId, applied: true };
}

// `publish <id> --send-at`: for accounts that cannot schedule. The campaign is synced exactly as
// publish does (the same planner and applier: created once, settings and content made the
// approved snapshot's, the send checklist read) but not scheduled in Mailchimp; a campaign
// scheduled there is unscheduled, so only one party ever sends it. Then the due time is recorded
// locally and the daemon sends it then.
import { NewsletterError } from '../errors.js';
import { applyPlan } from '../publish/apply.js';
import { planPublish } from '../publish/plan.js';
import { findCampaign, recordOf, remoteOf } from '../publish/remote.js';
import type { SyncArgs, SyncResult } from '../publish/sync.js';
import { ukInstant } from '../time/uk.js';
import { recordDueSend } from './commands.js';

export async function syncForDueSend(args: SyncArgs & { now: Date }): Promise<SyncResult> {
  const { client, store, snapshot, sendAt } = args;
  const issue = snapshot.issueId;
  if (sendAt.getTime() <= args.now.getTime())
    throw new NewsletterError('send-time', `--send-at: ${ukInstant(sendAt)} has passed (it is ${ukInstant(args.now)} now)`, {
      hint: `give a time in the future, e.g. --send-at "YYYY-MM-DD HH:MM" in UK time`,
    });
  const due = store.dueSends.get(issue);
  if (due?.state === 'claimed')
    throw new NewsletterError(
      'due-send-refused',
      `${issue} is being sent now by ${due.leaseOwner ?? 'another process'}; nothing was changed`,
    );
  args.progress('Reading the campaign in Mailchimp…');
  const campaign = await findCampaign(client, store, issue);
  const remote = campaign ? await remoteOf(client, campaign) : null;
  const plan = planPublish(snapshot, sendAt, remote, recordOf(store, issue), 'daemon');
  args.onPlan?.(plan, remote);
  if (args.dryRun) return { plan, campaignId: plan.campaignId, applied: false };
  const campaignId = await applyPlan(
    { client, store, snapshot, actor: args.actor, progress: args.progress, pictures: args.pictures },
    plan,
  );
  recordDueSend(store, { issue, dueAt: sendAt, campaignId, by: args.actor, now: args.now });
  return { plan, campaignId, applied: true };
}

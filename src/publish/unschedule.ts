// `unschedule`: the campaign goes back to paused (Mailchimp says "save"), and the issue from
// scheduled back to approved, audited — so it can be changed, approved again and published again.
// Like publish, it never repeats the action blindly: after an uncertain failure it reads back.
import { NewsletterError } from '../errors.js';
import { goingOrGone, isOutcomeUncertain, MailchimpClient, type MailchimpConfig } from '../mailchimp/index.js';
import type { Store } from '../state/store.js';
import { refuseUnless } from '../lifecycle.js';
import { withIssueLease } from './lease.js';
import { findCampaign, requireMailchimp } from './remote.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';

export interface UnscheduleArgs {
  id: string;
  by: string;
  env: NodeJS.ProcessEnv;
  progress: (line: string) => void;
  client?: (config: MailchimpConfig) => MailchimpClient;
}

export interface UnscheduleResult {
  id: string;
  campaignId: string | null;
  /** Whether Mailchimp's campaign was unscheduled now (false when it was not scheduled there). */
  unscheduled: boolean;
  status: string;
}

export async function unschedule(store: Store, args: UnscheduleArgs): Promise<UnscheduleResult> {
  const config = requireMailchimp(args.env);
  return withIssueLease(store, args.id, 'unschedule', () => unscheduleHeld(store, args, config));
}

async function unscheduleHeld(store: Store, args: UnscheduleArgs, config: MailchimpConfig): Promise<UnscheduleResult> {
  refuseUnless('campaign-sent', 'unschedule', store.statuses.get(args.id), args.id);
  const client = args.client?.(config) ?? MailchimpClient.fromConfig(config, { log: (line) => args.progress(`      ${line}`) });
  args.progress('Reading the campaign in Mailchimp…');
  const campaign = await findCampaign(client, store, args.id);
  if (campaign && goingOrGone(campaign.status))
    throw new NewsletterError(
      'campaign-sent',
      `${args.id}'s campaign ${campaign.id} is ${campaignStatusWords(campaign.status)}; it cannot be unscheduled`,
    );
  let unscheduled = false;
  if (campaign?.status === 'schedule') {
    args.progress(`Unscheduling campaign ${campaign.id}…`);
    await client.unschedule(campaign.id).catch(async (e: unknown) => {
      if (!isOutcomeUncertain(e)) throw e;
      if ((await client.getCampaign(campaign.id)).status === 'schedule')
        throw new NewsletterError(
          'mailchimp-unconfirmed',
          `Mailchimp did not confirm unscheduling campaign ${campaign.id}, and it is still scheduled`,
        );
    });
    unscheduled = true;
  }
  const next = store.tx(() => {
    if (campaign) store.campaigns.record(args.id, { campaignId: campaign.id, scheduledFor: null });
    const now = store.statuses.get(args.id);
    // A scheduled issue, or one set aside while scheduled whose campaign has not gone (read above),
    // goes back to approved: a person may now change it, approve it again and publish again.
    const back = now === 'scheduled' || now === 'needs-attention';
    if (back) store.statuses.change(args.id, now, 'approved');
    if (unscheduled || back)
      store.audit.append({
        actor: args.by,
        action: 'unschedule',
        issue: args.id,
        hash: null,
        details: {
          campaignId: campaign?.id ?? null,
          unscheduledInMailchimp: unscheduled,
          from: now,
          to: back ? 'approved' : now,
        },
      });
    return back ? 'approved' : now;
  });
  return { id: args.id, campaignId: campaign?.id ?? null, unscheduled, status: next };
}

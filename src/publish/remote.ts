// Finding an issue's campaign in Mailchimp and reading it as the planner sees it. The id the store
// remembers comes first; failing that (never stored, lost in a crash, or the campaign deleted in
// Mailchimp), the stable key in settings.title. Reads only: nothing here changes Mailchimp.
import { type IssueSnapshot, trackingOf } from '../archive/snapshot.js';
import { ERRORS, NewsletterError } from '../errors.js';
import { type Campaign, type MailchimpClient, type MailchimpConfig, mailchimpConfigFromEnv, MailchimpError } from '../mailchimp/index.js';
import type { Store } from '../state/store.js';
import { type CampaignRecord, campaignTitle, type RemoteCampaign, heldBodiesHash } from './plan.js';

/** The issue's campaign as Mailchimp holds it now, or null when Mailchimp has none. */
export async function findCampaign(
  client: MailchimpClient,
  store: Store,
  issueId: string,
  /** Record a campaign found by its title in the store (not on a dry run). */
  remember = true,
): Promise<Campaign | null> {
  const stored = store.campaigns.get(issueId)?.campaignId;
  if (stored) {
    try {
      return await client.getCampaign(stored);
    } catch (e) {
      if (!(e instanceof MailchimpError && e.failure === 'not-found')) throw e;
      // Deleted in Mailchimp: look for another by the key before deciding there is none.
    }
  }
  const found = await client.findCampaignsByTitle(campaignTitle(issueId));
  if (found.length > 1)
    throw new NewsletterError(
      'campaign-duplicate',
      `Mailchimp holds ${found.length} campaigns titled "${campaignTitle(issueId)}" (${found.map((c) => c.id).join(', ')}) — the tool will not guess which one is issue ${issueId}'s`,
    );
  const campaign = found[0] ?? null;
  if (remember && campaign && campaign.id !== stored) {
    store.tx(() => {
      store.campaigns.record(issueId, { campaignId: campaign.id });
      store.audit.append({
        actor: 'newsletter',
        action: 'campaign-found',
        issue: issueId,
        hash: null,
        details: { campaignId: campaign.id, by: 'title', title: campaignTitle(issueId) },
      });
    });
  }
  if (remember && !campaign && stored) store.campaigns.record(issueId, { campaignId: null });
  return campaign;
}

/** A campaign with its content's hash, in the planner's words. */
export async function remoteOf(client: MailchimpClient, campaign: Campaign): Promise<RemoteCampaign> {
  const content = await client.getContent(campaign.id);
  return {
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
    bodiesHash: heldBodiesHash(content.html, content.plainText),
    emailsSent: campaign.emailsSent,
    tracking: campaign.tracking,
  };
}

/** What the store remembers, in the planner's words. */
export function recordOf(store: Store, issueId: string): CampaignRecord {
  const entry = store.campaigns.get(issueId);
  return { campaignId: entry?.campaignId ?? null, contentSet: entry?.contentSet ?? null };
}

/** The settings a new campaign is made with, from the snapshot it will carry. */
export function draftOf(snapshot: IssueSnapshot, audienceId: string) {
  return {
    audienceId,
    title: campaignTitle(snapshot.issueId),
    subject: snapshot.subject,
    previewText: snapshot.preheader,
    fromName: snapshot.fromName,
    replyTo: snapshot.replyTo,
    tracking: trackingOf(snapshot),
  };
}

/** Mailchimp's settings from the environment; a missing one is refused with where to find it. */
export function requireMailchimp(env: NodeJS.ProcessEnv): MailchimpConfig {
  try {
    return mailchimpConfigFromEnv(env);
  } catch (e) {
    if (!(e instanceof NewsletterError) || e.hint !== ERRORS['mailchimp-not-configured'].hint) throw e;
    throw new NewsletterError('mailchimp-not-configured', `${e.message} Nothing was sent to Mailchimp.`, {
      hint:
        'set MAILCHIMP_API_KEY (in Mailchimp: Account & billing → Extras → API keys) and MAILCHIMP_AUDIENCE_ID ' +
        '(Audience → Settings → Audience name and defaults → Audience ID) in the environment or in .env',
    });
  }
}

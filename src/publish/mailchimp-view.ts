// Mailchimp's view of an issue beside the store's, for `status`: the campaign's status, send time
// and emails sent, and drift — settings or content changed in Mailchimp after they were set from
// the approved snapshot. A campaign Mailchimp reports sent is recorded as sent (mark-sent.ts).
// Never fails for want of Mailchimp: not configured, or not reachable, is itself the answer.
import { NewsletterError } from '../errors.js';
import { MailchimpClient, type MailchimpConfig, mailchimpConfigFromEnv } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { markIssueSent } from './mark-sent.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { ukInstant } from '../time/uk.js';
import { driftOf } from './plan.js';
import { findCampaign, recordOf, remoteOf } from './remote.js';

export type MailchimpView =
  | { state: 'not-configured'; message: string }
  | { state: 'unavailable'; message: string }
  | { state: 'no-campaign' }
  | {
      state: 'campaign';
      campaignId: string;
      status: string;
      sendTime: string | null;
      emailsSent: number;
      /** What changed in Mailchimp after approval: "settings.subjectLine", "content". */
      drift: string[];
      /** Set when this look recorded the issue as sent. */
      recordedSent?: boolean;
      /** Why a sent campaign could not be recorded as sent (a person must look). */
      sentProblem?: string;
    };

export interface ViewArgs {
  env: NodeJS.ProcessEnv;
  now: Date;
  /** newsletter.yaml's `approvals`. */
  approvalsNeeded: number;
  client?: (config: MailchimpConfig) => MailchimpClient;
}

/** One client for all the issues asked about; `undefined` config means "Mailchimp not configured". */
export async function mailchimpViews(
  paths: ProjectPaths,
  store: Store,
  ids: string[],
  args: ViewArgs,
): Promise<Map<string, MailchimpView>> {
  const views = new Map<string, MailchimpView>();
  let config: MailchimpConfig;
  try {
    config = mailchimpConfigFromEnv(args.env);
  } catch (e) {
    if (!(e instanceof NewsletterError)) throw e;
    for (const id of ids) views.set(id, { state: 'not-configured', message: `Mailchimp not configured (${e.message})` });
    return views;
  }
  // status should answer quickly: a short deadline and few retries.
  const client = args.client?.(config) ?? MailchimpClient.fromConfig(config, { timeoutMs: 15_000, retry: { totalBudgetMs: 10_000 } });
  for (const id of ids) views.set(id, await viewOf(paths, store, client, id, args));
  return views;
}

async function viewOf(paths: ProjectPaths, store: Store, client: MailchimpClient, id: string, args: ViewArgs): Promise<MailchimpView> {
  // Issues sent before the tool have no campaign it made: nothing to look for.
  if (store.statuses.get(id) === 'sent' && !store.campaigns.get(id)?.campaignId) return { state: 'no-campaign' };
  try {
    const campaign = await findCampaign(client, store, id);
    if (!campaign) return { state: 'no-campaign' };
    const remote = await remoteOf(client, campaign);
    const snapshot = store.approvals.approvedSnapshot(id, args.approvalsNeeded);
    const drift = snapshot ? driftOf(snapshot, remote, recordOf(store, id)) : [];
    const view: MailchimpView = {
      state: 'campaign',
      campaignId: campaign.id,
      status: campaign.status,
      sendTime: campaign.sendTime,
      emailsSent: campaign.emailsSent,
      drift,
    };
    if (campaign.status === 'sent' && store.statuses.get(id) !== 'sent') {
      try {
        const marked = await markIssueSent(paths, store, id, campaign, { approvalsNeeded: args.approvalsNeeded, now: args.now });
        view.recordedSent = marked.result !== 'unknown-content';
        if (marked.result === 'unknown-content')
          view.sentProblem = 'no approved snapshot matches the content the campaign was given; it is not added to the archive';
      } catch (e) {
        if (!(e instanceof NewsletterError)) throw e;
        view.sentProblem = e.message;
      }
    }
    return view;
  } catch (e) {
    if (e instanceof NewsletterError) return { state: 'unavailable', message: e.message };
    throw e;
  }
}

/** One line for `status`. */
export function describeView(view: MailchimpView): string {
  switch (view.state) {
    case 'not-configured':
      return 'Mailchimp not configured (set MAILCHIMP_API_KEY and MAILCHIMP_AUDIENCE_ID to see the campaign)';
    case 'unavailable':
      return `could not be read: ${view.message}`;
    case 'no-campaign':
      return 'no campaign';
    case 'campaign': {
      const state = campaignStatusWords(view.status, view.sendTime ? ukInstant(new Date(view.sendTime)) : undefined);
      const drift = view.drift.length
        ? ` — DRIFT: ${view.drift.join(', ')} changed in Mailchimp after approval; \`newsletter publish\` puts the approved issue back`
        : '';
      return `campaign ${view.campaignId} is ${state}, ${view.emailsSent} emails sent${view.recordedSent ? ', recorded as sent in the archive' : ''}${view.sentProblem ? ` — NOT recorded as sent: ${view.sentProblem}` : ''}${drift}`;
    }
  }
}

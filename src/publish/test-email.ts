// `proof --via mailchimp`: a Mailchimp test email of the issue as it stands, so reviewers see it as
// Mailchimp delivers it (merge tags filled, Mailchimp's footer). The campaign must exist to send a
// test of it: its settings and content are synced first, never scheduled. Recipients are judged
// against PROOF_ALLOWLIST and Mailchimp's test-email limits before Mailchimp is touched.
import { proofRecipients } from '../distribute/allowlist.js';
import { NewsletterError } from '../errors.js';
import { MailchimpClient, type MailchimpConfig } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import type { IssueSnapshot } from '../archive/snapshot.js';
import type { CheckReport } from '../check/finding.js';
import { currentIssue, refuseOnErrors, validActor } from '../workflow/current.js';
import { type ProofOutcome, proofRecorder, type ProofRequest } from '../workflow/proof.js';
import { refuseUnless } from '../lifecycle.js';
import { readStatuses } from '../workflow/sent-status.js';
import { withIssueLease } from './lease.js';
import { applyPlan } from './apply.js';
import { planContentSync } from './plan.js';
import { findCampaign, recordOf, remoteOf, requireMailchimp } from './remote.js';

/**
 * Mailchimp's caps on test emails (the Free plan's, the strictest): addresses in one request, and
 * test emails per campaign. Counted from the audit log, so a refusal comes before Mailchimp's own.
 */
const MAILCHIMP_TEST_LIMITS = { perRequest: 6, perCampaign: 24 };

export interface TestEmailArgs extends ProofRequest {
  progress: (line: string) => void;
  client?: (config: MailchimpConfig) => MailchimpClient;
}

export interface TestEmailResult extends ProofOutcome {
  campaignId: string;
}

export async function mailchimpTestEmail(paths: ProjectPaths, store: Store, args: TestEmailArgs): Promise<TestEmailResult> {
  const by = validActor(args.by, 'sends the proof');
  // As an SMTP proof: a sending or sent issue is refused before anything else is done.
  refuseUnless('not-allowed-now', 'proof', (await readStatuses(store, paths)).get(args.id), args.id);
  const to = proofRecipients(args.to, args.env.PROOF_ALLOWLIST);
  const { perRequest, perCampaign } = MAILCHIMP_TEST_LIMITS;
  if (to.length > perRequest)
    throw new NewsletterError('proof-refused', `a Mailchimp test email goes to at most ${perRequest} addresses; ${to.length} were given`, {
      hint: 'send it in smaller groups, or send the proof by SMTP (without --via mailchimp)',
    });
  const config = requireMailchimp(args.env);
  const { snapshot, report } = await currentIssue(paths, args.id, args.now());
  if (!args.force) refuseOnErrors(report, 'proofed (add --force to send the proof anyway; it is recorded)');

  const client = args.client?.(config) ?? MailchimpClient.fromConfig(config, { log: (line) => args.progress(`      ${line}`) });
  // Syncing the campaign's content changes it: hold the issue, as publish does.
  return withIssueLease(store, args.id, 'a Mailchimp test email', () =>
    sendTestHeld({ store, args, by, to, perCampaign, snapshot, report, client }),
  );
}

interface HeldTest {
  store: Store;
  args: TestEmailArgs;
  by: string;
  to: string[];
  perCampaign: number;
  snapshot: IssueSnapshot;
  report: CheckReport;
  client: MailchimpClient;
}

async function sendTestHeld({ store, args, by, to, perCampaign, snapshot, report, client }: HeldTest): Promise<TestEmailResult> {
  args.progress('Reading the campaign in Mailchimp…');
  const campaign = await findCampaign(client, store, args.id);
  const used = testsSent(store, args.id, campaign?.id);
  if (campaign && used + to.length > perCampaign)
    throw new NewsletterError(
      'proof-refused',
      `campaign ${campaign.id} has had ${used} test emails; Mailchimp allows ${perCampaign} per campaign, so ${to.length} more cannot be sent`,
      { hint: 'send the proof by SMTP instead (without --via mailchimp)' },
    );
  const plan = planContentSync(snapshot, campaign ? await remoteOf(client, campaign) : null, recordOf(store, args.id));
  const campaignId = (await applyPlan({ client, store, snapshot, actor: by, progress: args.progress }, plan)) ?? campaign!.id;
  const via = `Mailchimp test email (campaign ${campaignId})`;
  const record = proofRecorder(store, args, { by, to, hash: snapshot.hash, checkErrors: report.errors }, { via: 'mailchimp', campaignId });
  args.progress(`Sending a Mailchimp test email of campaign ${campaignId}…`);
  try {
    await client.sendTest(campaignId, to);
  } catch (e) {
    record({ delivered: [], failed: e instanceof Error ? e.message : String(e) });
    throw e;
  }
  record({ delivered: to });
  return {
    id: args.id,
    hash: snapshot.hash,
    subject: snapshot.subject,
    via,
    campaignId,
    delivered: to,
    forcedErrors: args.force ? report.errors : 0,
  };
}

/** Test emails of this campaign so far, from the audit log (a failed request may have been sent too: counted). */
function testsSent(store: Store, issueId: string, campaignId: string | undefined): number {
  if (!campaignId) return 0;
  return store.audit
    .list(issueId, 'proof')
    .filter((e) => e.details.via === 'mailchimp' && e.details.campaignId === campaignId)
    .reduce((n, e) => n + (Array.isArray(e.details.to) ? e.details.to.length : 0), 0);
}

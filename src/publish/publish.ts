// `publish`: an approved issue becomes one Mailchimp campaign, scheduled for its UK send time.
// Everything that can refuse is judged before Mailchimp is touched: Mailchimp's configuration, the
// issue's status, a fresh approval, check errors and the send time. Then publishApproved (sync.ts)
// finds, plans and applies, sending the snapshot that was approved — not a new render of it.
import type { IssueSnapshot } from '../archive/snapshot.js';
import { NewsletterError } from '../errors.js';
import { decide } from '../lifecycle.js';
import { type Audience, goingOrGone, MailchimpClient, type MailchimpConfig } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import { londonToUtc, withSendTime } from '../time/uk.js';
import type { Store } from '../state/store.js';
import { currentIssue, refuseOnErrors } from '../workflow/current.js';
import { readStatuses } from '../workflow/sent-status.js';
import type { PublishPlan, RemoteCampaign } from './plan.js';
import { withIssueLease } from './lease.js';
import { requireMailchimp } from './remote.js';
import { checkSendTime, refuseAnotherDay } from './send-time.js';
import { pictureBytes } from '../archive/pictures.js';
import { publishApproved, type SyncArgs, type SyncResult } from './sync.js';

export interface PublishArgs {
  id: string;
  /** --at, a UK wall-clock time; the issue's sendAt when not given. */
  at?: string;
  dryRun: boolean;
  by: string;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  progress: (line: string) => void;
  /**
   * Shown the plan before anything changes, with the audience it goes to (read from Mailchimp for
   * it), and the content and send time it is for. It runs inside the issue's lease: throwing here
   * (the studio does when the plan is not the one the person confirmed) changes nothing.
   */
  onPlan?: (plan: PublishPlan, remote: RemoteCampaign | null, audience: Audience, planned: { hash: string; sendAt: Date }) => void;
  /** `--send-at`: sync without scheduling and leave the send to the daemon (scheduler/publish-due.ts); any minute will do. */
  dueSend?: (args: SyncArgs & { now: Date }) => Promise<SyncResult>;
  /** How the client is made; tests pass short deadlines and a clock that does not wait. */
  client?: (config: MailchimpConfig) => MailchimpClient;
}

export interface PublishResult extends SyncResult {
  id: string;
  sendAt: Date;
  hash: string;
}

export async function publish(paths: ProjectPaths, store: Store, args: PublishArgs): Promise<PublishResult> {
  const config = requireMailchimp(args.env);
  const now = args.now();
  args.progress(`Rendering and checking ${args.id}…`);
  const flag = args.dueSend ? '--send-at' : '--at';
  const given = args.at === undefined ? undefined : sendTimeFrom(args.at, flag);
  if (given && !args.dueSend) checkSendTime(given, now, flag); // a time that cannot be used is said first
  // Checks judge the time it will actually go: a missed sendAt is no error once --at moves it.
  const { content, issue, snapshot: current, report } = await currentIssue(paths, args.id, now, { sendAt: given });
  // …but only within sendAt's day, the date the approved email prints.
  if (given) refuseAnotherDay(given, issue.sendAt, issue.file, flag);
  await readStatuses(store, paths);
  const snapshot = approvedSnapshot(store, args.id, current.hash, content.newsletter.approvals);
  const source = `sendAt in ${issue.file}`;
  const sendAt = given ?? sendTimeFrom(withSendTime(issue.sendAt, content.newsletter.defaultSendTime), source);
  if (!given && !args.dueSend) checkSendTime(sendAt, now, source);
  refuseOnErrors(report, 'published');

  const client = args.client?.(config) ?? MailchimpClient.fromConfig(config, { log: (line) => args.progress(`      ${line}`) });
  const onPlan = args.onPlan;
  const audience = onPlan ? await client.getAudience() : undefined;
  const sync = () =>
    (args.dueSend ?? publishApproved)({
      client,
      store,
      snapshot,
      sendAt,
      actor: args.by,
      dryRun: args.dryRun,
      progress: args.progress,
      pictures: (name) => pictureBytes(paths, name),
      onPlan: onPlan && ((plan, remote) => onPlan(plan, remote, audience!, { hash: snapshot.hash, sendAt })),
      now,
    });
  // A dry run changes nothing; a real one holds the issue so no other command or daemon step interleaves.
  const result = args.dryRun ? await sync() : await withIssueLease(store, args.id, args.dueSend ? 'publish --send-at' : 'publish', sync);
  return { ...result, id: args.id, sendAt, hash: snapshot.hash };
}

/** A UK wall-clock time as an instant, or a refusal that names where the time came from. */
function sendTimeFrom(local: string, source: string): Date {
  try {
    return londonToUtc(local);
  } catch (e) {
    if (e instanceof NewsletterError) throw new NewsletterError('send-time', `${source}: ${e.message}`, { hint: e.hint });
    throw e;
  }
}

/** The snapshot to send: approved by enough people, and still what the issue renders to. */
function approvedSnapshot(store: Store, id: string, currentHash: string, needed: number): IssueSnapshot {
  const status = store.statuses.get(id);
  const approval = store.approvals.stateOf(id, currentHash, needed);
  const approveHint = `check the issue, then run \`newsletter approve ${id} --by "Your Name"\``;
  const verdict = decide('publish', status, undefined, id);
  if (!verdict.ok) {
    // The lifecycle table's words; for a draft, with how far its approvals have got.
    const partial =
      approval.state === 'partial' ? ` (${new Set(approval.approvals.map((a) => a.approver)).size} of ${needed} approvers so far)` : '';
    throw new NewsletterError(goingOrGone(status) ? 'campaign-sent' : 'publish-refused', verdict.reason + partial, {
      hint: verdict.instead,
    });
  }
  if (approval.state === 'none')
    throw new NewsletterError('publish-refused', `${id} has no approval of its current content, so it cannot be published`, {
      hint: approveHint,
    });
  if (approval.state === 'stale')
    throw new NewsletterError(
      'publish-refused',
      `${id} has changed since it was approved (approved content ${approval.hash.slice(0, 12)}, now ${currentHash.slice(0, 12)}), so it cannot be published`,
      {
        hint:
          status === 'scheduled'
            ? `run \`newsletter unschedule ${id}\`, then approve the new content with \`newsletter approve ${id} --by "Your Name"\``
            : `look at the change, then approve it again: \`newsletter approve ${id} --by "Your Name"\``,
      },
    );
  const snapshot = approval.state === 'fresh' ? store.approvals.approvedSnapshot(id, needed) : undefined;
  if (!snapshot || snapshot.hash !== currentHash)
    throw new NewsletterError('publish-refused', `${id} does not have ${needed} approvals of its current content`, { hint: approveHint });
  return snapshot;
}

// What people do to due sends from the command line: `publish <id> --send-at` records one, and
// `publish <id> --now` fires one at once — through the same lease the daemon takes, so a person
// and a daemon never both send.
import { NewsletterError } from '../errors.js';
import { ukInstant } from '../time/uk.js';
import { refuseUnless } from '../lifecycle.js';
import type { Store } from '../state/store.js';
import { ownerIsDead } from './clock.js';
import type { SchedulerContext } from './context.js';
import { fireClaimed, type FireResult } from './due-send.js';

export interface DueSendRequest {
  issue: string;
  dueAt: Date;
  /** The campaign publish synced (not scheduled), if known. */
  campaignId: string | null;
  by: string;
  now: Date;
}

/** Record the local due time; an approved issue becomes scheduled (by the daemon, not Mailchimp). */
export function recordDueSend(store: Store, req: DueSendRequest): void {
  if (req.dueAt.getTime() <= req.now.getTime())
    throw new NewsletterError('send-time', `--send-at: ${ukInstant(req.dueAt)} has passed (it is ${ukInstant(req.now)} now)`, {
      hint: `give a time in the future, or send it at once with \`newsletter publish ${req.issue} --now\``,
    });
  store.tx(() => {
    const status = store.statuses.get(req.issue);
    refuseUnless('due-send-refused', 'publish', status, req.issue);
    if (!store.dueSends.record(req.issue, req.dueAt, req.campaignId, req.by)) {
      const due = store.dueSends.get(req.issue)!;
      throw new NewsletterError(
        'due-send-refused',
        due.state === 'done'
          ? `${req.issue}'s due send is finished (${due.outcome ?? 'done'}); it is not sent again`
          : `${req.issue} is being sent now by ${due.leaseOwner ?? 'another process'}; its send time cannot change`,
      );
    }
    if (status === 'approved') store.statuses.change(req.issue, 'approved', 'scheduled');
    store.audit.append({
      actor: req.by,
      action: 'due-send',
      issue: req.issue,
      hash: null,
      details: { dueAt: req.dueAt.toISOString(), campaignId: req.campaignId },
    });
  });
}

/**
 * `publish <id> --now`: a person confirms a held (or not yet due) send. Takes the lease like the
 * daemon does, then fires it however late it is; refuses while a live process holds the lease.
 */
export async function sendNow(ctx: SchedulerContext, issue: string): Promise<FireResult> {
  const { store } = ctx;
  const due = store.dueSends.get(issue);
  if (!due)
    throw new NewsletterError(
      'due-send-refused',
      `${issue} has no due send; give it one first with \`newsletter publish ${issue} --send-at\``,
    );
  if (due.state === 'done')
    throw new NewsletterError('due-send-refused', `${issue}'s due send is finished (${due.outcome ?? 'done'}); it is not sent again`);
  // A send in hand (claimed) is said below, by whom; otherwise the lifecycle table judges the status.
  if (due.state !== 'claimed') refuseUnless('due-send-refused', 'send-now', store.statuses.get(issue), issue);
  const dead = due.leaseOwner && ownerIsDead(due.leaseOwner) ? due.leaseOwner : undefined;
  const claimed = store.tx(() => {
    if (!store.dueSends.claim(issue, ctx.owner, ctx.config.leaseMs, { confirmedBy: ctx.actor, deadOwner: dead })) return false;
    if (store.statuses.get(issue) === 'needs-attention') store.statuses.change(issue, 'needs-attention', 'scheduled');
    store.audit.append({ actor: ctx.actor, action: 'send-confirmed', issue, hash: null, details: { dueAt: due.dueAt.toISOString() } });
    return true;
  });
  if (!claimed) {
    const now = store.dueSends.get(issue)!;
    throw new NewsletterError(
      'due-send-refused',
      `${issue} is being sent now by ${now.leaseOwner ?? 'another process'} (its claim runs until ${now.leaseUntil ? ukInstant(now.leaseUntil) : '?'}); nothing was done`,
      { hint: `wait, then run \`newsletter status ${issue}\`` },
    );
  }
  return fireClaimed(ctx, issue);
}

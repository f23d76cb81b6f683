// Firing a due send, exactly once: the effects around judge-due-send.ts's verdict. The caller
// holds the lease (DueSends.claim). Mailchimp is read before anything is done — a campaign
// already sending or sent was sent by us before a crash (or by someone in Mailchimp), and is
// recorded, not sent again. A send that is later than the grace period is held for a person
// unless one confirmed it (`publish --now`). A send whose outcome is uncertain (dropped
// connection, timeout, 5xx) keeps the lease: when it runs out, whoever takes it over reads
// Mailchimp first.
import { goingOrGone, isOutcomeUncertain, MailchimpError, type Campaign } from '../mailchimp/index.js';
import { ukInstant } from '../time/uk.js';
import type { DueSend } from '../state/due-sends.js';
import { StatusChanged } from '../state/status.js';
import { approvedSnapshotOf, campaignOf, driftAgainst, needsAttention, type SchedulerContext } from './context.js';
import { judgeDueSend } from './judge-due-send.js';
import { settleSentCampaign } from './settle-sent.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { CHANGED_WHILE_SCHEDULED, currentContentHash } from '../workflow/scheduled-change.js';

export type FireResult =
  | 'sent' // we sent it now
  | 'found-sending' // Mailchimp already had it going: recorded, not sent again
  | 'held' // parked for a person (too late, drift, unexpected state)
  | 'dropped' // the issue is no longer scheduled: nothing to send
  | 'released' // given back untouched (shutdown, Mailchimp unreachable); tried again next tick
  | 'uncertain'; // the send may have gone; the lease is kept until it runs out

/**
 * Carry out a due send whose lease `ctx.owner` holds — while also holding the issue's lease, so a
 * command changing the campaign at that moment (publish, unschedule) is never interleaved with it.
 */
export async function fireClaimed(ctx: SchedulerContext, issue: string): Promise<FireResult> {
  const { store } = ctx;
  const due = store.dueSends.get(issue);
  if (!due || due.state !== 'claimed' || due.leaseOwner !== ctx.owner) return 'released';
  if (!store.issueLeases.acquire(issue, ctx.owner, 'a due send', ctx.config.leaseMs)) {
    const holder = store.issueLeases.holder(issue);
    return release(
      ctx,
      issue,
      `${holder ? `${holder.action} by ${holder.owner}` : 'another command'} is changing the issue; tried again next tick`,
    );
  }
  try {
    return await fireLeased(ctx, issue, due);
  } finally {
    store.issueLeases.release(issue, ctx.owner);
  }
}

async function fireLeased(ctx: SchedulerContext, issue: string, due: DueSend): Promise<FireResult> {
  const { store, log } = ctx;
  const status = store.statuses.get(issue);
  if (status !== 'scheduled') {
    store.dueSends.complete(issue, ctx.owner, `dropped: the issue is ${status}, not scheduled`);
    log.info('due-send.dropped', `${issue} is ${status} now: its due send was dropped`, { issue, status });
    return 'dropped';
  }
  const hold = (why: string): FireResult => {
    store.dueSends.hold(issue, ctx.owner, why);
    needsAttention(ctx, issue, 'scheduled', why);
    return 'held';
  };

  let found: Campaign | null;
  try {
    found = await campaignOf(ctx, issue);
  } catch (e) {
    if (!(e instanceof MailchimpError)) return hold(message(e)); // e.g. two campaigns with its title
    return release(ctx, issue, `Mailchimp could not be read: ${message(e)}`);
  }
  const verdict = judgeDueSend({ issue, due, campaign: found, now: ctx.clock(), graceMs: ctx.config.graceMs });
  switch (verdict.kind) {
    case 'already-sent':
      return recordFound(ctx, issue, verdict.campaign);
    case 'hold':
      return hold(verdict.why);
    case 'stale':
      log.warn('due-send.stale', `${issue} was due at ${ukInstant(due.dueAt)}, ${verdict.lateMinutes} min ago: held for a person`, {
        issue,
        dueAt: due.dueAt.toISOString(),
        lateMinutes: verdict.lateMinutes,
      });
      return hold(verdict.why);
    case 'fire':
      break;
  }
  const { campaign } = verdict;

  try {
    const snapshot = await approvedSnapshotOf(ctx, issue);
    if (!snapshot) return hold('its approval was withdrawn; approve it again and publish');
    // The file changed after it was scheduled: what would go is not what the file says (workflow/scheduled-change.ts).
    if ((await currentContentHash(ctx.paths, issue)) !== snapshot.hash) return hold(CHANGED_WHILE_SCHEDULED);
    const drift = await driftAgainst(ctx, snapshot, campaign);
    if (drift.length > 0) return hold(`its campaign changed in Mailchimp after approval (${drift.join(', ')})`);
  } catch (e) {
    return release(ctx, issue, `Mailchimp could not be read: ${message(e)}`);
  }
  if (ctx.stopping()) return release(ctx, issue, 'the daemon is stopping; not started');

  store.audit.append({
    actor: ctx.actor,
    action: 'send-started',
    issue,
    hash: null,
    details: { campaignId: campaign.id, owner: ctx.owner },
  });
  try {
    await ctx.mailchimp().send(campaign.id);
  } catch (e) {
    if (isOutcomeUncertain(e)) {
      const after = await ctx
        .mailchimp()
        .getCampaign(campaign.id)
        .catch(() => undefined);
      if (after && goingOrGone(after.status)) return recordSending(ctx, issue, after, 'sent');
      log.warn(
        'due-send.uncertain',
        `${issue}: the send may or may not have gone (${message(e)}); Mailchimp is read again when the lease runs out`,
        {
          issue,
          campaign: campaign.id,
        },
      );
      return 'uncertain';
    }
    if (e instanceof MailchimpError && e.transient) return release(ctx, issue, `Mailchimp refused for now: ${message(e)}`);
    return hold(`Mailchimp refused to send it: ${message(e)}`);
  }
  return recordSending(ctx, issue, campaign, 'sent');
}

/** Mailchimp has it going already: record that, and if it is sent, archive it. */
async function recordFound(ctx: SchedulerContext, issue: string, campaign: Campaign): Promise<FireResult> {
  ctx.log.warn(
    'due-send.found',
    `${issue}: campaign ${campaign.id} is already ${campaignStatusWords(campaign.status)} — recorded, not sent again`,
    {
      issue,
      campaign: campaign.id,
    },
  );
  return recordSending(ctx, issue, campaign, 'found-sending');
}

function recordSending(ctx: SchedulerContext, issue: string, campaign: Campaign, result: 'sent' | 'found-sending'): Promise<FireResult> {
  const { store } = ctx;
  const outcome = result === 'sent' ? 'sent' : `found ${campaignStatusWords(campaign.status)}: not sent again`;
  try {
    store.tx(() => {
      store.dueSends.complete(issue, ctx.owner, outcome);
      store.statuses.change(issue, 'scheduled', 'sending');
      store.audit.append({ actor: ctx.actor, action: 'send', issue, hash: null, details: { campaignId: campaign.id, outcome } });
    });
  } catch (e) {
    // Reconcile saw it sending first and moved it on: the send is recorded either way.
    if (!(e instanceof StatusChanged)) throw e;
    store.dueSends.complete(issue, ctx.owner, outcome);
  }
  if (result === 'sent') ctx.log.info('due-send.sent', `${issue}: campaign ${campaign.id} sent`, { issue, campaign: campaign.id });
  if (campaign.status === 'sent') return settleSentCampaign(ctx, issue, 'sending', campaign).then(() => result);
  return Promise.resolve(result);
}

function release(ctx: SchedulerContext, issue: string, why: string): FireResult {
  ctx.store.dueSends.release(issue, ctx.owner, why);
  ctx.log.warn('due-send.released', `${issue}: ${why}; tried again at the next tick`, { issue });
  return 'released';
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

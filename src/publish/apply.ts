// The applier: carries a publish plan out step by step, with a progress line for each, and records
// each step in the store before and after (audit rows `publish-step`, and store.campaigns). A
// crash anywhere leaves either the store or Mailchimp ahead, never a step done twice: the next
// run reads Mailchimp again (by the stored id or the title key) and plans only what is missing.
// Create and schedule are never repeated blindly: after an uncertain failure the campaign is
// read back first, and only what Mailchimp shows counts.
import type { IssueSnapshot } from '../archive/snapshot.js';
import { NewsletterError } from '../errors.js';
import { isOutcomeUncertain, type MailchimpClient, MailchimpError } from '../mailchimp/index.js';
import { londonLocal, ukInstant } from '../time/uk.js';
import type { Store } from '../state/store.js';
import { describeStep } from './describe.js';
import { hostedHtml, type PictureSource } from './host-pictures.js';
import { campaignTitle, type PublishPlan, type PublishStep, heldBodiesHash, settingsFor } from './plan.js';
import { draftOf } from './remote.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';

export interface ApplyContext {
  client: MailchimpClient;
  store: Store;
  /** The content the campaign must hold (the approved snapshot, or for a test email the current one). */
  snapshot: IssueSnapshot;
  /** Who runs it, for the audit log. */
  actor: string;
  progress: (line: string) => void;
  /** Where the pictures' bytes come from, for uploading them to the File Manager (host-pictures.ts). */
  pictures?: PictureSource;
}

/** Carry the steps out in order; returns the campaign's id. */
export async function applyPlan(ctx: ApplyContext, plan: PublishPlan): Promise<string | null> {
  let campaignId = plan.campaignId;
  for (const [i, step] of plan.steps.entries()) {
    ctx.progress(`[${i + 1}/${plan.steps.length}] ${describeStep(step)}…`);
    audit(ctx, step.kind, 'started', campaignId);
    try {
      campaignId = await run(ctx, step, campaignId);
    } catch (e) {
      audit(ctx, step.kind, 'failed', campaignId, { error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }
  return campaignId;
}

async function run(ctx: ApplyContext, step: PublishStep, id: string | null): Promise<string> {
  const { client, store, snapshot } = ctx;
  const issueId = snapshot.issueId;
  if (step.kind === 'create-campaign') {
    const campaign = await client.createCampaign(draftOf(snapshot, client.audienceId)).catch(async (e: unknown) => {
      if (!isOutcomeUncertain(e)) throw e;
      ctx.progress(`      Mailchimp did not confirm; looking for "${campaignTitle(issueId)}" before anything else…`);
      const found = await client.findCampaignsByTitle(campaignTitle(issueId));
      if (found.length === 1) return found[0]!;
      throw unconfirmed(
        `creating the campaign of ${issueId}`,
        e,
        found.length === 0 ? 'Mailchimp shows no such campaign' : 'Mailchimp shows more than one',
      );
    });
    done(ctx, step.kind, campaign.id, () => store.campaigns.record(issueId, { campaignId: campaign.id }));
    ctx.progress(`      campaign ${campaign.id} created`);
    return campaign.id;
  }
  if (!id) throw new Error(`the plan for ${issueId} has a step "${step.kind}" before there is a campaign`);
  switch (step.kind) {
    case 'unschedule': {
      await client.unschedule(id).catch(async (e: unknown) => {
        if (!isOutcomeUncertain(e)) throw e;
        const c = await client.getCampaign(id);
        if (c.status === 'schedule') throw unconfirmed(`unscheduling campaign ${id}`, e, 'it is still scheduled');
      });
      done(ctx, step.kind, id, () => store.campaigns.record(issueId, { scheduledFor: null }));
      return id;
    }
    case 'update-settings': {
      const wanted = settingsFor(snapshot);
      await client.updateSettings(id, {
        subject: wanted.subjectLine,
        fromName: wanted.fromName,
        replyTo: wanted.replyTo,
        ...(step.changes.title !== undefined ? { title: wanted.title } : {}),
        ...(step.changes.previewText !== undefined ? { previewText: wanted.previewText } : {}),
        ...(step.tracking ? { tracking: step.tracking } : {}),
      });
      done(ctx, step.kind, id, () => undefined, { changed: [...Object.keys(step.changes), ...(step.tracking ? ['tracking'] : [])] });
      return id;
    }
    case 'set-content': {
      // The pictures go to the File Manager first (once each); the campaign HTML points at them there.
      const html = await hostedHtml({ client, store, issueId, pictures: ctx.pictures, progress: ctx.progress }, snapshot.html);
      await client.setContent(id, { html, plainText: snapshot.text });
      // Mailchimp may store the HTML a little differently: remember how it holds it, to tell our content from later edits.
      const held = await client.getContent(id);
      const contentSet = { snapshotHash: snapshot.hash, remoteContentHash: heldBodiesHash(held.html, held.plainText) };
      done(ctx, step.kind, id, () => store.campaigns.record(issueId, { contentSet }));
      return id;
    }
    case 'read-checklist': {
      const checklist = await client.getSendChecklist(id);
      for (const w of checklist.items.filter((x) => x.type === 'warning')) ctx.progress(`      warning: ${w.heading} — ${w.details}`);
      const errors = checklist.items.filter((x) => x.type === 'error');
      if (errors.length > 0 || !checklist.isReady)
        throw new NewsletterError(
          'mailchimp-checklist',
          `Mailchimp's send checklist for campaign ${id} has errors, so it was not scheduled:\n${errors.map((x) => `  ${x.heading}: ${x.details}`).join('\n')}`,
        );
      done(ctx, step.kind, id, () => undefined);
      return id;
    }
    case 'schedule': {
      await client.schedule(id, step.at).catch(async (e: unknown) => {
        if (e instanceof MailchimpError && e.failure === 'cannot-schedule') throw cannotSchedule(issueId, step.at, e);
        if (!isOutcomeUncertain(e)) throw e;
        ctx.progress('      Mailchimp did not confirm; reading the campaign back before anything else…');
        const c = await client.getCampaign(id);
        if (!(c.status === 'schedule' && c.sendTime && new Date(c.sendTime).getTime() === step.at.getTime()))
          throw unconfirmed(`scheduling campaign ${id}`, e, `it is ${campaignStatusWords(c.status)}`);
      });
      markScheduled(ctx.store, issueId, id, step.at, ctx.actor, snapshot.hash);
      return id;
    }
  }
}

/**
 * The store's side of a schedule Mailchimp holds: the time, approved → scheduled (compare-and-set)
 * and the audit rows, in one transaction. Also run when a re-run finds the schedule already made.
 */
export function markScheduled(store: Store, issueId: string, campaignId: string, at: Date, actor: string, hash: string): void {
  store.tx(() => {
    store.campaigns.record(issueId, { campaignId, scheduledFor: at });
    store.audit.append({
      actor,
      action: 'publish-step',
      issue: issueId,
      hash,
      details: { step: 'schedule', phase: 'done', campaignId, at: at.toISOString() },
    });
    if (store.statuses.get(issueId) === 'approved') {
      store.statuses.change(issueId, 'approved', 'scheduled');
      store.audit.append({ actor, action: 'status', issue: issueId, hash, details: { from: 'approved', to: 'scheduled', campaignId } });
    }
  });
}

function done(ctx: ApplyContext, step: PublishStep['kind'], campaignId: string, write: () => unknown, details: object = {}): void {
  ctx.store.tx(() => {
    write();
    audit(ctx, step, 'done', campaignId, details);
  });
}

function audit(ctx: ApplyContext, step: string, phase: string, campaignId: string | null, details: object = {}): void {
  ctx.store.audit.append({
    actor: ctx.actor,
    action: 'publish-step',
    issue: ctx.snapshot.issueId,
    hash: ctx.snapshot.hash,
    details: { step, phase, campaignId, ...details },
  });
}

function unconfirmed(what: string, cause: unknown, seen: string): NewsletterError {
  return new NewsletterError(
    'mailchimp-unconfirmed',
    `${what}: it is not known whether Mailchimp did it (${cause instanceof Error ? cause.message : String(cause)}), and reading back shows ${seen}. ` +
      'Nothing was repeated; run the same command again: it reads Mailchimp first and does only what is missing.',
  );
}

function cannotSchedule(issueId: string, at: Date, e: MailchimpError): NewsletterError {
  return new NewsletterError(
    'mailchimp-cannot-schedule',
    `this Mailchimp account cannot schedule campaigns (Mailchimp: ${e.title}${e.detail ? ` — ${e.detail}` : ''}). The campaign holds the approved issue and is ready; it was not scheduled.`,
    {
      hint: `let the scheduler daemon send it when it is due: \`newsletter publish ${issueId} --send-at "${londonLocal(at)}"\` (${ukInstant(at)}) with \`newsletter daemon\` running — or upgrade the Mailchimp plan`,
    },
  );
}

// The full publish path through the real SDK against the stand-in: one campaign holding exactly
// the approved snapshot, scheduled once at the UK send time; a second run changes nothing;
// --dry-run changes nothing; an account that cannot schedule is pointed to the daemon.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { NewsletterError } from '../../src/errors.js';
import { type PublishArgs, publish } from '../../src/publish/publish.js';
import { publishApproved } from '../../src/publish/sync.js';
import { syncForDueSend } from '../../src/scheduler/publish-due.js';
import { auditTrail } from '../../src/workflow/status-report.js';
import { APRIL_SEND, type Approved, approvedApril, campaignsOf, fastClient, standinNow, writes, publishArgs } from './fixture.js';

let standin: Standin;
let fx: Approved;
let lines: string[];
beforeAll(async () => {
  standin = await standinNow();
});
afterAll(() => standin.stop());
beforeEach(async () => {
  standin.account.campaigns.clear();
  standin.account.options.canSchedule = true;
  standin.requests.length = 0;
  fx = await approvedApril();
  lines = [];
});
afterEach(() => fx.close());

const args = (over: Partial<PublishArgs> = {}): PublishArgs => publishArgs(standin, { progress: (l) => lines.push(l), ...over });

describe('publish', () => {
  it('creates one campaign with the approved settings and content, and schedules it at 08:00Z for 09:00 BST', async () => {
    const r = await publish(fx.project.paths, fx.store, args());
    expect(r.plan.steps.map((s) => s.kind)).toEqual(['create-campaign', 'set-content', 'read-checklist', 'schedule']);
    const [c, ...others] = campaignsOf(standin);
    expect(others).toEqual([]);
    expect(c).toMatchObject({
      id: r.campaignId,
      status: 'schedule',
      send_time: '2022-04-05T08:00:00+00:00',
      recipients: { list_id: standin.audienceId },
      settings: {
        title: 'panel-newsletter:2022-04',
        subject_line: fx.snapshot.subject,
        preview_text: fx.snapshot.preheader,
        from_name: fx.snapshot.fromName,
        reply_to: fx.snapshot.replyTo,
      },
      content: { html: fx.snapshot.html, plain_text: fx.snapshot.text },
    });
    expect(fx.store.statuses.get('2022-04')).toBe('scheduled');
    expect(fx.store.campaigns.get('2022-04')).toMatchObject({
      campaignId: c!.id,
      contentSet: { snapshotHash: fx.snapshot.hash },
      scheduledFor: APRIL_SEND,
    });
    const trail = auditTrail(fx.store, '2022-04').filter((e) => e.action !== 'approve');
    expect(trail.map((e) => `${e.action} ${String(e.details.step ?? e.details.to)} ${String(e.details.phase ?? '')}`.trim())).toEqual([
      'status approved',
      'publish-step create-campaign started',
      'publish-step create-campaign done',
      'publish-step set-content started',
      'publish-step set-content done',
      'publish-step read-checklist started',
      'publish-step read-checklist done',
      'publish-step schedule started',
      'publish-step schedule done',
      'status scheduled',
    ]);
    expect(lines).toContain('[4/4] schedule for 5 April 2022 at 9am (BST) (2022-04-05T08:00:00Z)…');
    expect(JSON.stringify(trail)).not.toContain(standin.apiKey);
  });

  it('publishing twice gives one campaign, and the second run only reads', async () => {
    await publish(fx.project.paths, fx.store, args());
    const since = standin.requests.length;
    const again = await publish(fx.project.paths, fx.store, args());
    expect(again.plan.steps).toEqual([]);
    expect(writes(standin, since)).toEqual([]);
    expect(campaignsOf(standin)).toHaveLength(1);
  });

  it('finds the campaign by its title when the store lost its id, and creates none', async () => {
    await publish(fx.project.paths, fx.store, args());
    fx.store.campaigns.record('2022-04', { campaignId: null });
    const since = standin.requests.length;
    await publish(fx.project.paths, fx.store, args());
    expect(writes(standin, since)).toEqual([]);
    expect(fx.store.campaigns.get('2022-04')?.campaignId).toBe(campaignsOf(standin)[0]!.id);
  });

  it('--dry-run prints the plan and changes nothing anywhere', async () => {
    const plans: string[] = [];
    const r = await publish(
      fx.project.paths,
      fx.store,
      args({ dryRun: true, onPlan: (p) => plans.push(p.steps.map((s) => s.kind).join()) }),
    );
    expect(plans).toEqual(['create-campaign,set-content,read-checklist,schedule']);
    expect(r.applied).toBe(false);
    expect(writes(standin)).toEqual([]);
    expect(fx.store.statuses.get('2022-04')).toBe('approved');
    expect(fx.store.campaigns.get('2022-04')).toBeUndefined();
  });

  it('moves the schedule to a new --at: unschedule, then schedule once', async () => {
    await publish(fx.project.paths, fx.store, args());
    const r = await publish(fx.project.paths, fx.store, args({ at: '2022-04-05 10:15' })); // later on sendAt's day
    expect(r.plan.steps.map((s) => s.kind)).toEqual(['unschedule', 'read-checklist', 'schedule']);
    expect(campaignsOf(standin)[0]).toMatchObject({ status: 'schedule', send_time: '2022-04-05T09:15:00+00:00' });
    expect(fx.store.campaigns.get('2022-04')?.scheduledFor).toEqual(new Date('2022-04-05T09:15:00Z'));
  });

  it('--at another time on the UK day of sendAt goes, and the approved email still says that day', async () => {
    const r = await publish(fx.project.paths, fx.store, args({ at: '2022-04-05 00:30' })); // 4 April 23:30 UTC
    expect(r.sendAt).toEqual(new Date('2022-04-04T23:30:00Z'));
    const [campaign, ...more] = campaignsOf(standin);
    expect(more).toEqual([]);
    expect(campaign).toMatchObject({ status: 'schedule', send_time: '2022-04-04T23:30:00+00:00', content: { html: fx.snapshot.html } });
    expect(fx.snapshot.html).toContain('5 April 2022');
  });

  it('--send-at later on the day of sendAt, at any minute, is made ready for the daemon', async () => {
    const r = await publish(fx.project.paths, fx.store, args({ at: '2022-04-05 21:07', dueSend: syncForDueSend }));
    expect(r.sendAt).toEqual(new Date('2022-04-05T20:07:00Z'));
    expect(campaignsOf(standin)[0]).toMatchObject({ status: 'save', content: { html: fx.snapshot.html } });
  });

  it('an account that cannot schedule gets the campaign ready and a pointer to the daemon’s due send', async () => {
    standin.account.options.canSchedule = false;
    const e = await publish(fx.project.paths, fx.store, args()).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'mailchimp-cannot-schedule', exit: 1 });
    expect((e as NewsletterError).hint).toContain('newsletter publish 2022-04 --send-at "2022-04-05 09:00"');
    expect(campaignsOf(standin)[0]).toMatchObject({ status: 'save', content: { html: fx.snapshot.html } });
    expect(fx.store.statuses.get('2022-04')).toBe('approved');
  });

  it("stops on the send checklist's errors and does not schedule", async () => {
    const noUnsubscribe = { ...fx.snapshot, html: fx.snapshot.html.split('*|UNSUB|*').join('https://example.org/') };
    const e = await publishApproved({
      client: fastClient(standin)(),
      store: fx.store,
      snapshot: noUnsubscribe,
      sendAt: APRIL_SEND,
      actor: 'Ann Chair',
      dryRun: false,
      progress: () => undefined,
    }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'mailchimp-checklist' });
    expect((e as Error).message).toContain('Unsubscribe link');
    expect(standin.requests.some((r) => r.operationId === 'postCampaignsIdActionsSchedule')).toBe(false);
    expect(fx.store.statuses.get('2022-04')).toBe('approved');
  });
});

describe('publish --dry-run after the store lost the id', () => {
  it('finds the campaign by title for the plan, and still writes nothing to the store', async () => {
    await publish(fx.project.paths, fx.store, args());
    fx.store.campaigns.record('2022-04', { campaignId: null });
    const audit = fx.store.audit.list('2022-04').length;
    const r = await publish(fx.project.paths, fx.store, args({ dryRun: true }));
    expect(r.plan.campaignId).toBe(campaignsOf(standin)[0]!.id);
    expect(r.plan.steps).toEqual([]);
    expect(fx.store.campaigns.get('2022-04')?.campaignId).toBeNull();
    expect(fx.store.audit.list('2022-04')).toHaveLength(audit);
  });
});

// Mailchimp's view beside ours: drift when the campaign is edited in Mailchimp after approval,
// unschedule back to approved, a campaign Mailchimp reports sent recorded in the archive from the
// approved snapshot, and "not configured" instead of a failure when Mailchimp is not set up.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { listSentRecords, readSentSnapshot } from '../../src/archive/sent.js';
import { describeView, mailchimpViews } from '../../src/publish/mailchimp-view.js';
import { markIssueSent } from '../../src/publish/mark-sent.js';
import { publish } from '../../src/publish/publish.js';
import { unschedule } from '../../src/publish/unschedule.js';
import { auditTrail } from '../../src/workflow/status-report.js';
import { APRIL_SEND, type Approved, approvedApril, campaignsOf, envFor, fastClient, NOW, now, standinNow, publishArgs } from './fixture.js';

let standin: Standin;
let fx: Approved;
beforeAll(async () => {
  standin = await standinNow();
});
afterAll(() => standin.stop());
beforeEach(async () => {
  standin.account.campaigns.clear();
  fx = await approvedApril();
  await publish(fx.project.paths, fx.store, publishArgs(standin));
});
afterEach(() => fx.close());

const views = async (env = envFor(standin), client: ReturnType<typeof fastClient> | null = fastClient(standin)) =>
  (await mailchimpViews(fx.project.paths, fx.store, ['2022-04'], { env, now: NOW, approvalsNeeded: 1, client: client ?? undefined })).get(
    '2022-04',
  )!;

describe('status: Mailchimp beside the store', () => {
  it('shows the campaign scheduled, with no drift', async () => {
    const view = await views();
    expect(view).toMatchObject({ state: 'campaign', status: 'schedule', sendTime: '2022-04-05T08:00:00+00:00', emailsSent: 0, drift: [] });
    expect(describeView(view)).toMatch(/^campaign [0-9a-f]+ is scheduled in Mailchimp for 5 April 2022 at 9am \(BST\), 0 emails sent$/);
  });

  it('flags drift: settings and content changed in Mailchimp after approval; publishing again puts them back', async () => {
    const c = campaignsOf(standin)[0]!;
    c.settings.subject_line = 'Edited in Mailchimp';
    c.content.html = `${c.content.html}<p>added in Mailchimp</p>`;
    const view = await views();
    expect(view).toMatchObject({ drift: ['settings.subjectLine', 'content'] });
    expect(describeView(view)).toContain('DRIFT: settings.subjectLine, content changed in Mailchimp after approval');

    const again = await publish(fx.project.paths, fx.store, {
      id: '2022-04',
      dryRun: false,
      by: 'Ann Chair',
      now,
      env: envFor(standin),
      progress: () => undefined,
      client: fastClient(standin),
    });
    expect(again.plan.steps.map((s) => s.kind)).toEqual(['unschedule', 'update-settings', 'set-content', 'read-checklist', 'schedule']);
    expect(await views()).toMatchObject({ drift: [], status: 'schedule' });
  });

  it('says "Mailchimp not configured" rather than failing', async () => {
    const view = await views({});
    expect(view.state).toBe('not-configured');
    expect(describeView(view)).toMatch(/^Mailchimp not configured/);
  });

  it('says Mailchimp could not be read when it cannot, without failing', async () => {
    const view = await views({ ...envFor(standin), MAILCHIMP_API_KEY: 'ffffffffffffffffffffffffffffffff-us1' }, null);
    expect(view).toMatchObject({ state: 'unavailable', message: expect.stringContaining('API Key Invalid') });
  });
});

describe('unschedule', () => {
  it('puts the campaign back to save and the issue back to approved, audited', async () => {
    const r = await unschedule(fx.store, {
      id: '2022-04',
      by: 'Ann Chair',
      env: envFor(standin),
      progress: () => undefined,
      client: fastClient(standin),
    });
    expect(r).toMatchObject({ unscheduled: true, status: 'approved' });
    expect(campaignsOf(standin)[0]).toMatchObject({ status: 'save', send_time: '' });
    expect(fx.store.statuses.get('2022-04')).toBe('approved');
    expect(fx.store.campaigns.get('2022-04')?.scheduledFor).toBeNull();
    expect(auditTrail(fx.store, '2022-04').at(-1)).toMatchObject({
      action: 'unschedule',
      actor: 'Ann Chair',
      details: { from: 'scheduled', to: 'approved', unscheduledInMailchimp: true },
    });
    // Again: nothing left to unschedule, nothing changes.
    const again = await unschedule(fx.store, {
      id: '2022-04',
      by: 'Ann Chair',
      env: envFor(standin),
      progress: () => undefined,
      client: fastClient(standin),
    });
    expect(again).toMatchObject({ unscheduled: false, status: 'approved' });
  });
});

describe('sent', () => {
  it('a campaign Mailchimp reports sent is recorded from the approved snapshot, in the archive, once', async () => {
    const c = campaignsOf(standin)[0]!;
    standin.account.advance(c.id, 'sent');
    const view = await views();
    expect(view).toMatchObject({ status: 'sent', emailsSent: 3, recordedSent: true });
    expect(fx.store.statuses.get('2022-04')).toBe('sent');
    const sent = await readSentSnapshot(fx.project.paths, '2022-04');
    expect(sent?.snapshot).toMatchObject({ hash: fx.snapshot.hash, html: fx.snapshot.html, web: fx.snapshot.web });
    expect(sent?.sentAt).toBe(APRIL_SEND.toISOString());
    expect((await listSentRecords(fx.project.paths)).map((s) => s.snapshot.issueId)).toContain('2022-04');

    // Called again (status again, or the daemon's reconcile): nothing new.
    const again = await markIssueSent(
      fx.project.paths,
      fx.store,
      '2022-04',
      { id: c.id, sendTime: c.send_time, emailsSent: 3 },
      { approvalsNeeded: 1, now: NOW },
    );
    expect(again).toEqual({ result: 'already', status: 'sent' });
    expect(auditTrail(fx.store, '2022-04').filter((e) => e.action === 'sent')).toHaveLength(1);
  });
});

// The publish planner: from the approved snapshot, Mailchimp's campaign and the store's record,
// the steps that make the campaign hold exactly what was approved, scheduled once.
import { describe, expect, it } from 'vitest';
import type { IssueSnapshot } from '../../src/archive/snapshot.js';
import { contentHash } from '../../src/render/content-hash.js';
import {
  CampaignAlreadySent,
  type CampaignRecord,
  driftOf,
  planContentSync,
  planPublish,
  type RemoteCampaign,
  heldBodiesHash,
  settingsFor,
} from '../../src/publish/plan.js';

const parts = {
  subject: 'Panel newsletter: April 2022',
  preheader: 'Regional links, recruitment and new reviews',
  fromName: 'Child Safeguarding Practice Review Panel',
  fromEmail: 'panel@example.org',
  replyTo: 'panel@example.org',
  html: '<p>Hello *|FNAME|*</p>',
  text: 'Hello *|FNAME|*',
};
const snapshot: IssueSnapshot = {
  schemaVersion: 1,
  issueId: '2022-04',
  ...parts,
  web: '<p>Hello reader</p>',
  hash: contentHash(parts),
  renderedAt: '2022-04-01T10:00:00.000Z',
};
const at = new Date('2022-04-05T08:00:00Z');
const none: CampaignRecord = { campaignId: null, contentSet: null };

function campaign(over: Partial<RemoteCampaign> = {}): RemoteCampaign {
  return {
    id: 'c1',
    status: 'save',
    settings: settingsFor(snapshot),
    sendTime: null,
    bodiesHash: heldBodiesHash(snapshot.html, snapshot.text),
    emailsSent: 0,
    ...over,
  };
}
const kinds = (steps: { kind: string }[]) => steps.map((s) => s.kind);

describe('planPublish', () => {
  it('creates, fills, checks and schedules when Mailchimp has no campaign for the issue', () => {
    const plan = planPublish(snapshot, at, null, none);
    expect(kinds(plan.steps)).toEqual(['create-campaign', 'set-content', 'read-checklist', 'schedule']);
    expect(plan.steps[0]).toMatchObject({ settings: { title: 'panel-newsletter:2022-04', subjectLine: parts.subject } });
  });

  it('does nothing when the campaign is scheduled at that time with the approved content', () => {
    expect(planPublish(snapshot, at, campaign({ status: 'schedule', sendTime: at }), none).steps).toEqual([]);
  });

  it('changes only the settings that differ', () => {
    const held = { ...settingsFor(snapshot), subjectLine: 'Old subject' };
    const plan = planPublish(snapshot, at, campaign({ settings: held }), none);
    expect(plan.steps[0]).toEqual({ kind: 'update-settings', changes: { subjectLine: parts.subject } });
    expect(kinds(plan.steps)).toEqual(['update-settings', 'read-checklist', 'schedule']);
  });

  it('sets content when Mailchimp holds something else, unschedules first when scheduled', () => {
    const plan = planPublish(snapshot, at, campaign({ status: 'schedule', sendTime: at, bodiesHash: 'other' }), none);
    expect(kinds(plan.steps)).toEqual(['unschedule', 'set-content', 'read-checklist', 'schedule']);
  });

  it('accepts content as Mailchimp stored it when the store says it was set from this snapshot', () => {
    const record: CampaignRecord = { campaignId: 'c1', contentSet: { snapshotHash: snapshot.hash, remoteContentHash: 'as-stored' } };
    const plan = planPublish(snapshot, at, campaign({ bodiesHash: 'as-stored' }), record);
    expect(kinds(plan.steps)).toEqual(['read-checklist', 'schedule']);
  });

  it('moves a schedule to the new time', () => {
    const plan = planPublish(snapshot, at, campaign({ status: 'schedule', sendTime: new Date('2022-04-05T09:00:00Z') }), none);
    expect(kinds(plan.steps)).toEqual(['unschedule', 'read-checklist', 'schedule']);
  });

  it.each(['sending', 'sent', 'canceled', 'archived'] as const)('refuses to touch a campaign that is %s', (status) => {
    expect(() => planPublish(snapshot, at, campaign({ status }), none)).toThrow(CampaignAlreadySent);
  });
});

describe('planPublish for a send the daemon makes (publish --send-at)', () => {
  it('creates, fills and checks the campaign but never schedules it in Mailchimp', () => {
    expect(kinds(planPublish(snapshot, at, null, none, 'daemon').steps)).toEqual(['create-campaign', 'set-content', 'read-checklist']);
    expect(kinds(planPublish(snapshot, at, campaign({ status: 'paused' }), none, 'daemon').steps)).toEqual(['read-checklist']);
  });

  it('unschedules a campaign scheduled in Mailchimp, even at the right time with the approved content', () => {
    expect(planPublish(snapshot, at, campaign({ status: 'schedule', sendTime: at }), none, 'daemon').steps).toEqual([
      { kind: 'unschedule', reason: 'the daemon sends it, not a Mailchimp schedule' },
    ]);
    const changed = planPublish(snapshot, at, campaign({ status: 'schedule', sendTime: at, bodiesHash: 'other' }), none, 'daemon');
    expect(changed.steps).toEqual([
      { kind: 'unschedule', reason: 'its content must change' },
      { kind: 'set-content' },
      { kind: 'read-checklist' },
    ]);
  });

  it('refuses to touch a campaign that has gone, as publish does', () => {
    expect(() => planPublish(snapshot, at, campaign({ status: 'sent' }), none, 'daemon')).toThrow(CampaignAlreadySent);
  });
});

describe('driftOf', () => {
  it('finds settings and content changed in Mailchimp after they were set', () => {
    const record: CampaignRecord = {
      campaignId: 'c1',
      contentSet: { snapshotHash: snapshot.hash, remoteContentHash: heldBodiesHash(parts.html, parts.text) },
    };
    expect(driftOf(snapshot, campaign(), record)).toEqual([]);
    const changed = campaign({ settings: { ...settingsFor(snapshot), fromName: 'Someone else' }, bodiesHash: 'edited in Mailchimp' });
    expect(driftOf(snapshot, changed, record)).toEqual(['settings.fromName', 'content']);
  });
});

describe('planContentSync (for a Mailchimp test email)', () => {
  it('creates and fills a campaign, never checks or schedules', () => {
    expect(kinds(planContentSync(snapshot, null, none).steps)).toEqual(['create-campaign', 'set-content']);
    expect(kinds(planContentSync(snapshot, campaign({ bodiesHash: 'other' }), none).steps)).toEqual(['set-content']);
    expect(planContentSync(snapshot, campaign({ status: 'schedule', sendTime: at }), none).steps).toEqual([]);
  });

  it('does not change a scheduled campaign behind its schedule', () => {
    expect(() => planContentSync(snapshot, campaign({ status: 'schedule', sendTime: at, bodiesHash: 'other' }), none)).toThrow(
      /scheduled with other content/,
    );
  });
});

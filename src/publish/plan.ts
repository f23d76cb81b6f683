// The publish plan: what must happen in Mailchimp for an approved issue to go out at its time.
// Pure — the approved snapshot, what Mailchimp holds and what the store remembers go in; a list
// of steps comes out. `publish --dry-run` prints it; the applier carries it out step by step.
import { createHash } from 'node:crypto';
import { type IssueSnapshot, trackingOf } from '../archive/snapshot.js';
import type { TrackingPolicy } from '../content/schema.js';
import { NewsletterError } from '../errors.js';
import type { CampaignStatus } from '../mailchimp/index.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';

export interface CampaignSettings {
  title: string;
  subjectLine: string;
  previewText: string;
  fromName: string;
  replyTo: string;
}

/** The campaign as Mailchimp reports it. */
export interface RemoteCampaign {
  id: string;
  status: CampaignStatus;
  settings: CampaignSettings;
  /** When it is scheduled to go, or went. */
  sendTime: Date | null;
  /** heldBodiesHash of the HTML and text Mailchimp holds. */
  bodiesHash: string;
  emailsSent: number;
  /** What the campaign tracks; undefined when not read. */
  tracking?: TrackingPolicy;
}

/** What the store remembers of this issue's campaign. */
export interface CampaignRecord {
  campaignId: string | null;
  /** After content was set: the snapshot it came from and how Mailchimp holds it. */
  contentSet: { snapshotHash: string; remoteContentHash: string } | null;
}

export type PublishStep =
  | { kind: 'create-campaign'; settings: CampaignSettings }
  | { kind: 'unschedule'; reason: string }
  | { kind: 'update-settings'; changes: Partial<CampaignSettings>; tracking?: TrackingPolicy }
  | { kind: 'set-content' }
  | { kind: 'read-checklist' }
  | { kind: 'schedule'; at: Date };

export interface PublishPlan {
  issueId: string;
  campaignId: string | null;
  steps: PublishStep[];
}

/** The stable key in a campaign's title that finds it again, whatever was lost locally. */
export function campaignTitle(issueId: string): string {
  return `panel-newsletter:${issueId}`;
}

export function settingsFor(snapshot: IssueSnapshot): CampaignSettings {
  return {
    title: campaignTitle(snapshot.issueId),
    subjectLine: snapshot.subject,
    previewText: snapshot.preheader,
    fromName: snapshot.fromName,
    replyTo: snapshot.replyTo,
  };
}

/**
 * A fingerprint of the two bodies as Mailchimp holds them, so a change made in Mailchimp can be
 * told from ours. Not the content hash (render/content-hash.ts): Mailchimp holds only the bodies
 * (settings are compared field by field) and may store them rewritten, so this fingerprints its
 * copy, and the store keeps which content hash that copy came from.
 */
export function heldBodiesHash(html: string, text: string): string {
  return createHash('sha256').update(html).update('\u0000').update(text).digest('hex');
}

/** The campaign holds exactly the approved content: as we sent it, or as Mailchimp stored it when we set it. */
export function contentMatches(snapshot: IssueSnapshot, remote: RemoteCampaign, record: CampaignRecord): boolean {
  if (remote.bodiesHash === heldBodiesHash(snapshot.html, snapshot.text)) return true;
  return record.contentSet?.snapshotHash === snapshot.hash && record.contentSet.remoteContentHash === remote.bodiesHash;
}

export function settingsChanges(wanted: CampaignSettings, held: CampaignSettings): Partial<CampaignSettings> {
  const changes: Partial<CampaignSettings> = {};
  for (const key of Object.keys(wanted) as (keyof CampaignSettings)[]) if (wanted[key] !== held[key]) changes[key] = wanted[key];
  return changes;
}

/** The tracking settings Mailchimp holds that differ from the approved ones: "tracking.opens" … */
export function trackingDrift(snapshot: IssueSnapshot, remote: RemoteCampaign): string[] {
  if (!remote.tracking) return [];
  const wanted = trackingOf(snapshot);
  return (Object.keys(wanted) as (keyof TrackingPolicy)[]).filter((k) => wanted[k] !== remote.tracking![k]).map((k) => `tracking.${k}`);
}

/** The settings step for a campaign, or none when its settings and tracking are as approved. */
function settingsStep(snapshot: IssueSnapshot, remote: RemoteCampaign): PublishStep | undefined {
  const changes = settingsChanges(settingsFor(snapshot), remote.settings);
  const tracking = trackingDrift(snapshot, remote).length > 0 ? { tracking: trackingOf(snapshot) } : {};
  if (Object.keys(changes).length === 0 && !tracking.tracking) return undefined;
  return { kind: 'update-settings', changes, ...tracking };
}

/** Mailchimp lets a campaign be edited until it is going, gone, cancelled or archived. */
const changeable = (status: CampaignStatus) => status === 'save' || status === 'paused' || status === 'schedule';

/** A campaign that is going or gone cannot be changed: publishing again must not touch it. */
export class CampaignAlreadySent extends NewsletterError {
  constructor(
    readonly issueId: string,
    readonly status: CampaignStatus,
  ) {
    super('campaign-sent', `issue ${issueId}'s campaign is ${campaignStatusWords(status)} — nothing was changed`);
  }
}

/**
 * Who sends the campaign at its time: Mailchimp, on the schedule the plan makes (`publish`), or
 * the tool's daemon (`publish --send-at`), which leaves it unscheduled so only one party sends it.
 */
export type Sender = 'mailchimp' | 'daemon';

export function planPublish(
  snapshot: IssueSnapshot,
  sendAt: Date,
  remote: RemoteCampaign | null,
  record: CampaignRecord,
  sender: Sender = 'mailchimp',
): PublishPlan {
  const wanted = settingsFor(snapshot);
  const issueId = snapshot.issueId;
  const schedule: PublishStep[] = sender === 'mailchimp' ? [{ kind: 'schedule', at: sendAt }] : [];
  if (!remote) {
    return {
      issueId,
      campaignId: null,
      steps: [{ kind: 'create-campaign', settings: wanted }, { kind: 'set-content' }, { kind: 'read-checklist' }, ...schedule],
    };
  }
  if (!changeable(remote.status)) throw new CampaignAlreadySent(issueId, remote.status);
  const settings = settingsStep(snapshot, remote);
  const needsSettings = settings !== undefined;
  const needsContent = !contentMatches(snapshot, remote, record);
  const scheduledRight = remote.status === 'schedule' && remote.sendTime?.getTime() === sendAt.getTime();
  if (scheduledRight && !needsSettings && !needsContent) {
    const steps: PublishStep[] =
      sender === 'mailchimp' ? [] : [{ kind: 'unschedule', reason: 'the daemon sends it, not a Mailchimp schedule' }];
    return { issueId, campaignId: remote.id, steps };
  }

  const steps: PublishStep[] = [];
  // Mailchimp refuses edits to a scheduled campaign: take it back to paused first.
  if (remote.status === 'schedule') {
    steps.push({ kind: 'unschedule', reason: needsSettings || needsContent ? 'its content must change' : 'its send time must change' });
  }
  if (settings) steps.push(settings);
  if (needsContent) steps.push({ kind: 'set-content' });
  steps.push({ kind: 'read-checklist' }, ...schedule);
  return { issueId, campaignId: remote.id, steps };
}

/** Changes made in Mailchimp after approval: settings or content that are not what was approved and set. */
export function driftOf(snapshot: IssueSnapshot, remote: RemoteCampaign, record: CampaignRecord): string[] {
  const drift: string[] = [];
  for (const key of Object.keys(settingsChanges(settingsFor(snapshot), remote.settings))) drift.push(`settings.${key}`);
  drift.push(...trackingDrift(snapshot, remote));
  if (record.contentSet && !contentMatches(snapshot, remote, record)) drift.push('content');
  return drift;
}

/**
 * The steps that make the campaign hold a snapshot without scheduling it: for a Mailchimp test
 * email of the issue as it stands. A scheduled campaign is not changed behind its schedule.
 */
export function planContentSync(snapshot: IssueSnapshot, remote: RemoteCampaign | null, record: CampaignRecord): PublishPlan {
  const wanted = settingsFor(snapshot);
  const issueId = snapshot.issueId;
  if (!remote) return { issueId, campaignId: null, steps: [{ kind: 'create-campaign', settings: wanted }, { kind: 'set-content' }] };
  if (!changeable(remote.status)) throw new CampaignAlreadySent(issueId, remote.status);
  const settings = settingsStep(snapshot, remote);
  const steps: PublishStep[] = [];
  if (settings) steps.push(settings);
  if (!contentMatches(snapshot, remote, record)) steps.push({ kind: 'set-content' });
  if (steps.length > 0 && remote.status === 'schedule')
    throw new NewsletterError(
      'proof-refused',
      `issue ${issueId}'s campaign is scheduled with other content, so it is not changed for a test email`,
      {
        hint: `send the proof by SMTP instead, or run \`newsletter unschedule ${issueId}\` first`,
      },
    );
  return { issueId, campaignId: remote.id, steps };
}

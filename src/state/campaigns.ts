// What the store remembers of each issue's Mailchimp campaign: its id, which snapshot its content
// was set from (and how Mailchimp held it then), and the time it was scheduled for. Publishing
// writes it step by step; the scheduler daemon reads it (`store.campaigns.get(id)?.campaignId`).
// Mailchimp stays the truth about the campaign itself: this is how the tool finds it again and
// tells a change made in Mailchimp from its own.
import type Database from 'better-sqlite3';

export interface ContentSet {
  /** The IssueSnapshot hash the content came from. */
  snapshotHash: string;
  /** heldBodiesHash (publish/plan.ts) of the HTML and text as Mailchimp held them right after they were set. */
  remoteContentHash: string;
}

export interface CampaignEntry {
  issueId: string;
  campaignId: string | null;
  contentSet: ContentSet | null;
  /** The instant the campaign was scheduled for, or null when it is not scheduled (as far as the tool did). */
  scheduledFor: Date | null;
  updatedAt: Date;
}

/** Fields to change; those left out keep their value, `null` clears one. */
export type CampaignChange = Partial<Pick<CampaignEntry, 'campaignId' | 'contentSet' | 'scheduledFor'>>;

interface Row {
  issue_id: string;
  campaign_id: string | null;
  content_snapshot_hash: string | null;
  content_remote_hash: string | null;
  scheduled_for: string | null;
  updated_at: string;
}

export class Campaigns {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  get(issueId: string): CampaignEntry | undefined {
    const r = this.db.prepare('SELECT * FROM campaign WHERE issue_id = ?').get(issueId) as Row | undefined;
    if (!r) return undefined;
    return {
      issueId: r.issue_id,
      campaignId: r.campaign_id,
      contentSet:
        r.content_snapshot_hash && r.content_remote_hash
          ? { snapshotHash: r.content_snapshot_hash, remoteContentHash: r.content_remote_hash }
          : null,
      scheduledFor: r.scheduled_for ? new Date(r.scheduled_for) : null,
      updatedAt: new Date(r.updated_at),
    };
  }

  /** Record what changed. A new campaign id forgets the content and schedule of the old one. */
  record(issueId: string, change: CampaignChange): CampaignEntry {
    const before = this.get(issueId);
    const newCampaign = change.campaignId !== undefined && change.campaignId !== before?.campaignId;
    const next = {
      campaignId: change.campaignId !== undefined ? change.campaignId : (before?.campaignId ?? null),
      contentSet: change.contentSet !== undefined ? change.contentSet : newCampaign ? null : (before?.contentSet ?? null),
      scheduledFor: change.scheduledFor !== undefined ? change.scheduledFor : newCampaign ? null : (before?.scheduledFor ?? null),
    };
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO campaign (issue_id, campaign_id, content_snapshot_hash, content_remote_hash, scheduled_for, updated_at)
         VALUES (@issue, @campaign, @snapshot, @remote, @scheduled, @at)
         ON CONFLICT (issue_id) DO UPDATE SET campaign_id = @campaign, content_snapshot_hash = @snapshot,
           content_remote_hash = @remote, scheduled_for = @scheduled, updated_at = @at`,
      )
      .run({
        issue: issueId,
        campaign: next.campaignId,
        snapshot: next.contentSet?.snapshotHash ?? null,
        remote: next.contentSet?.remoteContentHash ?? null,
        scheduled: next.scheduledFor?.toISOString() ?? null,
        at: at.toISOString(),
      });
    return { issueId, ...next, updatedAt: at };
  }
}

// Due sends: campaigns the daemon sends itself at a UK time, for Mailchimp accounts that cannot
// schedule. One row per issue. Whoever acts on a row first takes a lease on it with one
// compare-and-set UPDATE (the row count says who won), so two daemons, or a daemon and
// `publish --now`, never both send. A lease runs out: a dead daemon's claim is taken over by
// the next one, which reads Mailchimp before doing anything again.
//
//   pending ──claim──▶ claimed ──complete──▶ done
//      ▲                  │ ╲──hold──▶ held ──claim (--now, a person)──▶ claimed
//      └────release───────┘
import type Database from 'better-sqlite3';

export type DueSendState = 'pending' | 'claimed' | 'done' | 'held';

export interface DueSend {
  issue: string;
  campaignId: string | null;
  dueAt: Date;
  state: DueSendState;
  /** The person who said `publish --now`: the send may go however late it is. */
  confirmedBy: string | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  /** What happened last, in words: "sent", "found sending in Mailchimp", why it was held. */
  outcome: string | null;
  recordedBy: string;
}

interface Row {
  issue_id: string;
  campaign_id: string | null;
  due_at: string;
  state: DueSendState;
  confirmed_by: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  attempts: number;
  outcome: string | null;
  recorded_by: string;
}

const toDueSend = (r: Row): DueSend => ({
  issue: r.issue_id,
  campaignId: r.campaign_id,
  dueAt: new Date(r.due_at),
  state: r.state,
  confirmedBy: r.confirmed_by,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until === null ? null : new Date(r.lease_until),
  attempts: r.attempts,
  outcome: r.outcome,
  recordedBy: r.recorded_by,
});

export interface ClaimOptions {
  /** A person confirms (`publish --now`): a held or not-yet-due row may be claimed too. */
  confirmedBy?: string;
  /** A lease holder known to be dead (same host, process gone): its claim is taken at once. */
  deadOwner?: string;
}

export class DueSends {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  get(issue: string): DueSend | undefined {
    const row = this.db.prepare('SELECT * FROM due_send WHERE issue_id = ?').get(issue) as Row | undefined;
    return row && toDueSend(row);
  }

  /**
   * Record (or move) the due time. Refused (false) while someone holds a lease on it, or once it
   * is done: a send in progress or made is not rescheduled from here.
   */
  record(issue: string, dueAt: Date, campaignId: string | null, by: string): boolean {
    const at = this.now().toISOString();
    return (
      this.db
        .prepare(
          `INSERT INTO due_send (issue_id, campaign_id, due_at, state, recorded_by, updated_at) VALUES (@issue, @campaign, @due, 'pending', @by, @at)
           ON CONFLICT (issue_id) DO UPDATE SET campaign_id = @campaign, due_at = @due, state = 'pending', confirmed_by = NULL,
             lease_owner = NULL, lease_until = NULL, outcome = NULL, recorded_by = @by, updated_at = @at
           WHERE state IN ('pending', 'held')`,
        )
        .run({ issue, campaign: campaignId, due: dueAt.toISOString(), by, at }).changes === 1
    );
  }

  /** Rows someone should look at now: due and pending, or claimed (a lease may have run out). */
  candidates(): DueSend[] {
    const rows = this.db
      .prepare("SELECT * FROM due_send WHERE (state = 'pending' AND due_at <= ?) OR state = 'claimed' ORDER BY due_at")
      .all(this.now().toISOString()) as Row[];
    return rows.map(toDueSend);
  }

  /** Not done yet: pending, claimed or held. */
  open(): DueSend[] {
    return (this.db.prepare("SELECT * FROM due_send WHERE state != 'done' ORDER BY due_at").all() as Row[]).map(toDueSend);
  }

  /**
   * Compare-and-set: take the lease for `leaseMs` if the row is due and free, its lease has run
   * out, its holder is dead, or a person confirms. True for exactly one of any number of callers.
   */
  claim(issue: string, owner: string, leaseMs: number, options: ClaimOptions = {}): boolean {
    const now = this.now();
    return (
      this.db
        .prepare(
          `UPDATE due_send SET state = 'claimed', lease_owner = @owner, lease_until = @until, attempts = attempts + 1,
             confirmed_by = COALESCE(@confirmedBy, confirmed_by), updated_at = @now
           WHERE issue_id = @issue AND (
             (state = 'pending' AND due_at <= @now)
             OR (state = 'claimed' AND (lease_until <= @now OR lease_owner = @deadOwner))
             OR (@confirmedBy IS NOT NULL AND state IN ('pending', 'held'))
           )`,
        )
        .run({
          issue,
          owner,
          until: new Date(now.getTime() + leaseMs).toISOString(),
          now: now.toISOString(),
          confirmedBy: options.confirmedBy ?? null,
          deadOwner: options.deadOwner ?? null,
        }).changes === 1
    );
  }

  /** Finish a claim. False when the lease is no longer ours (it ran out and was taken over). */
  complete(issue: string, owner: string, outcome: string): boolean {
    return this.leave(issue, owner, 'done', outcome);
  }

  /** Park it for a person: too late, or Mailchimp shows something unexpected. */
  hold(issue: string, owner: string, why: string): boolean {
    return this.leave(issue, owner, 'held', why);
  }

  /** Give the claim back untouched (nothing was sent), e.g. on shutdown or when Mailchimp could not be reached. */
  release(issue: string, owner: string, why: string): boolean {
    return this.leave(issue, owner, 'pending', why);
  }

  private leave(issue: string, owner: string, state: DueSendState, outcome: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE due_send SET state = ?, outcome = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
           WHERE issue_id = ? AND state = 'claimed' AND lease_owner = ?`,
        )
        .run(state, outcome, this.now().toISOString(), issue, owner).changes === 1
    );
  }
}

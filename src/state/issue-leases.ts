// A lease on one issue while a command changes its Mailchimp campaign (publish, unschedule, a
// test email, a due send), so that two commands, or a command and the daemon, never interleave
// their steps: one `INSERT … ON CONFLICT DO UPDATE … WHERE` whose row count says who holds it.
// A lease runs out, so a crashed holder never blocks an issue for long; on this host, a holder
// whose process is gone is taken over at once.
import type Database from 'better-sqlite3';
import { ownerIsDead } from './owners.js';

export interface IssueLease {
  owner: string;
  action: string;
  leaseUntil: Date;
}

export class IssueLeases {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Take the issue for `action` unless someone else's lease still runs. */
  acquire(issue: string, owner: string, action: string, leaseMs: number): boolean {
    const now = this.now();
    const held = this.holder(issue);
    const dead = held && held.owner !== owner && ownerIsDead(held.owner) ? held.owner : '';
    const row = { issue, owner, action, until: new Date(now.getTime() + leaseMs).toISOString(), now: now.toISOString(), dead };
    return (
      this.db
        .prepare(
          `INSERT INTO issue_lease (issue_id, owner, action, lease_until, updated_at) VALUES (@issue, @owner, @action, @until, @now)
           ON CONFLICT (issue_id) DO UPDATE SET owner = @owner, action = @action, lease_until = @until, updated_at = @now
           WHERE lease_until <= @now OR owner = @owner OR owner = @dead`,
        )
        .run(row).changes === 1
    );
  }

  /** Give the issue back; false when the lease was no longer ours. */
  release(issue: string, owner: string): boolean {
    return this.db.prepare('DELETE FROM issue_lease WHERE issue_id = ? AND owner = ?').run(issue, owner).changes === 1;
  }

  /** The live lease on an issue, if any. */
  holder(issue: string): IssueLease | undefined {
    const row = this.db
      .prepare('SELECT owner, action, lease_until FROM issue_lease WHERE issue_id = ? AND lease_until > ?')
      .get(issue, this.now().toISOString()) as { owner: string; action: string; lease_until: string } | undefined;
    return row && { owner: row.owner, action: row.action, leaseUntil: new Date(row.lease_until) };
  }
}

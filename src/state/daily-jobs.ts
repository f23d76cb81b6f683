// Jobs that must run once per UK calendar day (the reminder email), whatever the clocks do. A
// cron expression alone cannot promise that: "30 1 * * *" never matches on the last Sunday of
// March and matches twice on the last Sunday of October. So the minute tick asks here instead:
// the first caller after the day's time takes the (job, day) key with a compare-and-set and a
// lease, and marks it done once the work is done. A failed attempt lets the lease run out, so
// a later tick tries again that day.
import type Database from 'better-sqlite3';

export class DailyJobs {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Take today's key for `job` unless it is done or someone else's lease still runs. */
  claim(job: string, day: string, owner: string, leaseMs: number): boolean {
    const now = this.now();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return (
      this.db
        .prepare(
          `INSERT INTO daily_job (job, day, state, lease_owner, lease_until, updated_at) VALUES (@job, @day, 'claimed', @owner, @until, @now)
           ON CONFLICT (job, day) DO UPDATE SET lease_owner = @owner, lease_until = @until, updated_at = @now
           WHERE state = 'claimed' AND lease_until <= @now`,
        )
        .run({ job, day, owner, until, now: now.toISOString() }).changes === 1
    );
  }

  complete(job: string, day: string, owner: string, outcome: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE daily_job SET state = 'done', outcome = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
           WHERE job = ? AND day = ? AND state = 'claimed' AND lease_owner = ?`,
        )
        .run(outcome, this.now().toISOString(), job, day, owner).changes === 1
    );
  }

  /** Try again after `retryMs` (the work failed): keep the key claimed until then. */
  retryLater(job: string, day: string, owner: string, retryMs: number, outcome: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE daily_job SET lease_until = ?, outcome = ?, updated_at = ? WHERE job = ? AND day = ? AND state = 'claimed' AND lease_owner = ?`,
        )
        .run(new Date(this.now().getTime() + retryMs).toISOString(), outcome, this.now().toISOString(), job, day, owner).changes === 1
    );
  }

  /** Whether the job is done for that day (and how it ended). */
  done(job: string, day: string): { outcome: string | null } | undefined {
    return this.db.prepare("SELECT outcome FROM daily_job WHERE job = ? AND day = ? AND state = 'done'").get(job, day) as
      { outcome: string | null } | undefined;
  }
}

// Readings of Mailchimp's report on each sent issue, kept whole, one row each. A reading is
// written in one statement after all three answers have come, so a process killed between
// fetching and storing leaves no half reading: the slot is simply still open, and read again.
// One row per scheduled slot (the unique index, in migrations.ts), so two daemons reading at once keep one.
import type Database from 'better-sqlite3';
import type { ReadingSlot, ReportReading } from './report-reading.js';

export class ReportReadings {
  constructor(private readonly db: Database.Database) {}

  /** Keep a reading; false when its slot was already read (by another daemon, say). */
  add(reading: ReportReading): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO report_reading (issue_id, campaign_id, slot, read_at, reading) VALUES (?, ?, ?, ?, ?)')
        .run(reading.issueId, reading.campaignId, reading.slot, reading.readAt, JSON.stringify(reading)).changes === 1
    );
  }

  /** An issue's readings, oldest first. */
  list(issueId: string): ReportReading[] {
    const rows = this.db.prepare('SELECT reading FROM report_reading WHERE issue_id = ? ORDER BY read_at, reading_id').all(issueId) as {
      reading: string;
    }[];
    return rows.map((r) => JSON.parse(r.reading) as ReportReading);
  }

  /** The scheduled slots already read for an issue. */
  slotsRead(issueId: string): Set<ReadingSlot> {
    const rows = this.db.prepare("SELECT slot FROM report_reading WHERE issue_id = ? AND slot <> 'asked'").all(issueId) as {
      slot: ReadingSlot;
    }[];
    return new Set(rows.map((r) => r.slot));
  }

  /** Every issue that has readings, with its latest one. */
  latestByIssue(): Map<string, ReportReading> {
    const rows = this.db
      .prepare(
        `SELECT issue_id, reading FROM report_reading r WHERE reading_id = (
           SELECT reading_id FROM report_reading WHERE issue_id = r.issue_id ORDER BY read_at DESC, reading_id DESC LIMIT 1)`,
      )
      .all() as { issue_id: string; reading: string }[];
    return new Map(rows.map((r) => [r.issue_id, JSON.parse(r.reading) as ReportReading]));
  }
}

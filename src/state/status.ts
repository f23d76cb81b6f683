// The one state table of an issue's status. Every change goes through `change`, which allows
// only the transitions listed here (the lifecycle table's) and only from the status the caller saw:
// `UPDATE … WHERE issue_id = ? AND status = ?`, with the row count checked.
import type Database from 'better-sqlite3';
import { NewsletterError } from '../errors.js';
import { canChange, type IssueStatus, TRANSITIONS } from '../lifecycle.js';

// The statuses and the changes allowed between them are the lifecycle table's (src/lifecycle.ts);
// this file only enforces them on the rows.
export { ISSUE_STATUSES, type IssueStatus, TRANSITIONS, canChange } from '../lifecycle.js';

/** The change is not in the table. */
export class TransitionNotAllowed extends NewsletterError {
  constructor(
    readonly issue: string,
    readonly from: IssueStatus,
    readonly to: IssueStatus,
  ) {
    const next = TRANSITIONS[from];
    super(
      'transition-not-allowed',
      `issue ${issue} cannot go from ${from} to ${to}${next.length ? ` — from ${from} it can only become ${next.join(' or ')}` : ` — ${from} is final`}`,
    );
    this.name = 'TransitionNotAllowed';
  }
}

/** Someone (another command, the daemon) changed the status first. */
export class StatusChanged extends NewsletterError {
  constructor(
    readonly issue: string,
    readonly expected: IssueStatus,
    readonly actual: IssueStatus,
  ) {
    super(
      'status-changed',
      `issue ${issue} is ${actual} now, not ${expected} — it was changed meanwhile; look at \`newsletter status ${issue}\` and try again`,
    );
    this.name = 'StatusChanged';
  }
}

export class IssueStatuses {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** The recorded status; an issue the store has never seen is a draft. */
  get(issue: string): IssueStatus {
    const row = this.db.prepare('SELECT status FROM issue_status WHERE issue_id = ?').get(issue) as { status: IssueStatus } | undefined;
    return row?.status ?? 'draft';
  }

  /** Whether the store has a row for the issue (a draft it has never seen has none). */
  known(issue: string): boolean {
    return this.db.prepare('SELECT 1 FROM issue_status WHERE issue_id = ?').get(issue) !== undefined;
  }

  all(): Map<string, IssueStatus> {
    const rows = this.db.prepare('SELECT issue_id, status FROM issue_status').all() as { issue_id: string; status: IssueStatus }[];
    return new Map(rows.map((r) => [r.issue_id, r.status]));
  }

  /** Compare-and-set: from the status the caller saw to the next one, or StatusChanged. */
  change(issue: string, from: IssueStatus, to: IssueStatus): void {
    if (!canChange(from, to)) throw new TransitionNotAllowed(issue, from, to);
    const at = this.now().toISOString();
    const apply = this.db.transaction(() => {
      this.db
        .prepare("INSERT INTO issue_status (issue_id, status, updated_at) VALUES (?, 'draft', ?) ON CONFLICT (issue_id) DO NOTHING")
        .run(issue, at);
      return this.db
        .prepare('UPDATE issue_status SET status = ?, updated_at = ? WHERE issue_id = ? AND status = ?')
        .run(to, at, issue, from).changes;
    });
    if (apply.immediate() !== 1) throw new StatusChanged(issue, from, this.get(issue));
  }

  /**
   * Record an issue sent before the tool (`status: sent` in its file), once: only when the store
   * has never seen the issue. Returns whether it was recorded now.
   */
  importSent(issue: string): boolean {
    const at = this.now().toISOString();
    return (
      this.db
        .prepare("INSERT INTO issue_status (issue_id, status, updated_at) VALUES (?, 'sent', ?) ON CONFLICT (issue_id) DO NOTHING")
        .run(issue, at).changes === 1
    );
  }
}

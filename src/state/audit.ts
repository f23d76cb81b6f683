// The audit log: who did what to which issue, when, and to which content hash. Append-only —
// the database's own triggers refuse UPDATE and DELETE (see migrations.ts), so no code path can
// rewrite history; and each entry is sealed into a hash chain (audit-chain.ts), so a rewrite made
// with the sqlite3 shell (triggers dropped first) is found by `verify`.
import type Database from 'better-sqlite3';
import { type AuditRow, type ChainCheck, sealEntry, verifyChain } from './audit-chain.js';

/** Actions recorded so far; the daemon and publishing add their own. */
export type AuditAction = string;

export interface AuditEntry {
  seq: number;
  at: Date;
  /** A person's name as given (`--by`), or the system user, or "daemon". */
  actor: string;
  action: AuditAction;
  issue: string | null;
  hash: string | null;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'> & { at?: Date };

export class AuditLog {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  append(entry: NewAuditEntry): AuditEntry {
    const at = entry.at ?? this.now();
    const row: Omit<AuditRow, 'seq'> = {
      at: at.toISOString(),
      actor: entry.actor,
      action: entry.action,
      issue_id: entry.issue,
      content_hash: entry.hash,
      details: JSON.stringify(entry.details),
    };
    // The entry and its seal land together; the write lock keeps two processes' seals in order.
    const seq = this.db
      .transaction(() => {
        const { lastInsertRowid } = this.db
          .prepare('INSERT INTO audit_log (at, actor, action, issue_id, content_hash, details) VALUES (?, ?, ?, ?, ?, ?)')
          .run(row.at, row.actor, row.action, row.issue_id, row.content_hash, row.details);
        sealEntry(this.db, { ...row, seq: Number(lastInsertRowid) });
        return Number(lastInsertRowid);
      })
      .immediate();
    return { ...entry, at, seq };
  }

  /** Whether the chain of seals is whole; where it breaks when it is not. */
  verify(): ChainCheck {
    return verifyChain(this.db);
  }

  /** The trail of one issue, or of everything, oldest first. */
  list(issue?: string, action?: AuditAction): AuditEntry[] {
    const where = [issue === undefined ? '' : 'issue_id = @issue', action === undefined ? '' : 'action = @action'].filter(Boolean);
    const rows = this.db
      .prepare(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`)
      .all({ ...(issue === undefined ? {} : { issue }), ...(action === undefined ? {} : { action }) }) as AuditRow[];
    return rows.map((r) => ({
      seq: r.seq,
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      issue: r.issue_id,
      hash: r.content_hash,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }
}

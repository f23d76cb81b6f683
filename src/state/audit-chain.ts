// The audit log's seals: each entry's hash covers its content and the hash of the entry before,
// so changing, removing or slipping in an entry with the database's own tools breaks the chain
// from there on. Seals live in their own table (audit_seal), guarded by triggers like the log.
// The recipe below is frozen: every existing chain was made with it.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  issue_id: string | null;
  content_hash: string | null;
  details: string;
}

export function sealOf(previous: string, r: AuditRow): string {
  const fields = [previous, r.seq, r.at, r.actor, r.action, r.issue_id, r.content_hash, r.details];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Seal rows that have none yet, in order: run once, by the migration that added seals, for the rows made before it. */
export function sealUnsealed(db: Database.Database): void {
  let previous = '';
  const rows = db
    .prepare('SELECT a.*, s.entry_hash FROM audit_log a LEFT JOIN audit_seal s USING (seq) ORDER BY seq')
    .all() as (AuditRow & {
    entry_hash: string | null;
  })[];
  const insert = db.prepare('INSERT INTO audit_seal (seq, entry_hash) VALUES (?, ?)');
  for (const r of rows) {
    previous = r.entry_hash ?? sealOf(previous, r);
    if (r.entry_hash === null) insert.run(r.seq, previous);
  }
}

/** Seal one entry just appended (inside the transaction that appended it). */
export function sealEntry(db: Database.Database, row: AuditRow): string {
  const last = db.prepare('SELECT entry_hash FROM audit_seal WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(row.seq) as
    { entry_hash: string } | undefined;
  const hash = sealOf(last?.entry_hash ?? '', row);
  db.prepare('INSERT INTO audit_seal (seq, entry_hash) VALUES (?, ?)').run(row.seq, hash);
  return hash;
}

export type ChainCheck = { intact: true; entries: number; head: string } | { intact: false; entries: number; seq: number; problem: string };

/** Walk the whole chain. Where it breaks, says which entry and what was seen, in plain words. */
export function verifyChain(db: Database.Database): ChainCheck {
  const rows = db
    .prepare('SELECT a.*, s.entry_hash FROM audit_log a LEFT JOIN audit_seal s USING (seq) ORDER BY seq')
    .all() as (AuditRow & {
    entry_hash: string | null;
  })[];
  const broken = (seq: number, problem: string): ChainCheck => ({ intact: false, entries: rows.length, seq, problem });
  const orphan = db.prepare('SELECT MIN(seq) AS seq FROM audit_seal WHERE seq NOT IN (SELECT seq FROM audit_log)').get() as {
    seq: number | null;
  };
  let previous = '';
  for (const r of rows) {
    if (orphan.seq !== null && orphan.seq < r.seq) return broken(orphan.seq, `entry ${orphan.seq} was deleted`);
    const what = `entry ${r.seq} (${r.at}, ${r.actor}, ${r.action}${r.issue_id ? ` ${r.issue_id}` : ''})`;
    if (r.entry_hash === null) return broken(r.seq, `${what} has no seal: it was added outside newsletter`);
    if (r.entry_hash !== sealOf(previous, r)) return broken(r.seq, `${what} was changed, or an entry just before it was removed`);
    previous = r.entry_hash;
  }
  if (orphan.seq !== null) return broken(orphan.seq, `entry ${orphan.seq} was deleted`);
  // AUTOINCREMENT remembers the highest number given: entries removed from the end show there.
  const given = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  const last = rows.at(-1)?.seq ?? 0;
  if (given > last) return broken(last + 1, `entries after entry ${last} were deleted (up to entry ${given})`);
  return { intact: true, entries: rows.length, head: previous };
}

/** The triggers that make the log and its seals append-only, as they must read. */
export const GUARDS: Record<string, string> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END`,
  audit_seal_no_update: `CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: seals cannot be changed'); END`,
  audit_seal_no_delete: `CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: seals cannot be deleted'); END`,
};

/**
 * Checked each time the store opens: a trigger dropped or changed (with the sqlite3 shell) is put
 * back as it must read. Returns the names put back, for the caller to record.
 */
export function restoreGuards(db: Database.Database): string[] {
  const found = new Map(
    (
      db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'audit_seal')").all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => [t.name, t.sql]),
  );
  const wrong = Object.keys(GUARDS).filter((name) => norm(found.get(name)) !== norm(GUARDS[name]));
  for (const name of wrong) {
    db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    db.exec(GUARDS[name]!);
  }
  return wrong;
}

const norm = (sql: string | undefined) =>
  sql
    ?.replace(/\s+/g, ' ')
    .replace(/ IF NOT EXISTS/i, '')
    .trim();

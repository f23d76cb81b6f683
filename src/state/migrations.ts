// The state store's schema, as the list of steps that built it. `PRAGMA user_version` says how
// many steps a database has had; opening it runs the missing ones in order, each in its own
// transaction with the version bump, so a half-run step is never seen. Steps never drop data,
// and each can run again harmlessly (IF NOT EXISTS, copies that ignore rows already there):
// two processes opening an old database at once, or a version reset by hand, do no harm.
// Add a step at the end to change the schema; never edit one that has shipped. Each step is
// literal SQL that imports nothing: a live constant pasted into a step would change what an old
// step does whenever the constant changes. The tables' modules read and write them; this list
// alone says what they are. tests/state/fixtures/ holds each release's schema, frozen.
import type Database from 'better-sqlite3';
import { sealUnsealed } from './audit-chain.js';

export interface Migration {
  /** What the step adds, in a few words. */
  name: string;
  sql: string;
  /** Work SQL cannot do (a sha256), run in the step's transaction after its SQL. */
  then?: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // The store as it was before it was versioned: databases made then have user_version 0.
    name: 'issue statuses and share links',
    sql: `
      CREATE TABLE IF NOT EXISTS issue_status (
        issue_id   TEXT PRIMARY KEY,
        status     TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'scheduled', 'sent')),
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS share_link (
        link_id      TEXT PRIMARY KEY,
        issue_id     TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        revoked_at   TEXT
      );
      CREATE INDEX IF NOT EXISTS share_link_issue ON share_link (issue_id);`,
  },
  {
    // SQLite cannot widen a CHECK constraint in place: copy into a new table, then swap.
    name: 'statuses for distribution (sending, cancelled, needs-attention)',
    sql: `
      CREATE TABLE IF NOT EXISTS issue_status_next (
        issue_id   TEXT PRIMARY KEY,
        status     TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'scheduled', 'sending', 'sent', 'cancelled', 'needs-attention')),
        updated_at TEXT NOT NULL
      );
      INSERT OR IGNORE INTO issue_status_next (issue_id, status, updated_at) SELECT issue_id, status, updated_at FROM issue_status;
      DROP TABLE issue_status;
      ALTER TABLE issue_status_next RENAME TO issue_status;`,
  },
  {
    name: 'append-only audit log',
    sql: `
      CREATE TABLE IF NOT EXISTS audit_log (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT NOT NULL,
        actor        TEXT NOT NULL,
        action       TEXT NOT NULL,
        issue_id     TEXT,
        content_hash TEXT,
        details      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
      );
      CREATE INDEX IF NOT EXISTS audit_log_issue ON audit_log (issue_id, seq);
      CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed'); END;
      CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END;`,
  },
  {
    // The approved render is kept whole, so publishing sends exactly what was approved.
    name: 'approvals with the snapshot approved',
    sql: `
      CREATE TABLE IF NOT EXISTS approval (
        approval_id  INTEGER PRIMARY KEY AUTOINCREMENT,
        issue_id     TEXT NOT NULL,
        approver     TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        snapshot     TEXT NOT NULL CHECK (json_valid(snapshot)),
        approved_at  TEXT NOT NULL,
        withdrawn_at TEXT
      );
      CREATE INDEX IF NOT EXISTS approval_issue ON approval (issue_id, content_hash);`,
  },
  {
    // How publishing finds an issue's campaign again and tells its own content from edits made in Mailchimp.
    name: 'Mailchimp campaigns of issues',
    sql: `
      CREATE TABLE IF NOT EXISTS campaign (
        issue_id              TEXT PRIMARY KEY,
        campaign_id           TEXT,
        content_snapshot_hash TEXT,
        content_remote_hash   TEXT,
        scheduled_for         TEXT,
        updated_at            TEXT NOT NULL
      );`,
  },
  {
    // The scheduler daemon's durable memory: node-cron forgets everything on restart.
    name: 'due sends, daily jobs and daemon heartbeats',
    sql: `
      CREATE TABLE IF NOT EXISTS due_send (
        issue_id     TEXT PRIMARY KEY,
        campaign_id  TEXT,
        due_at       TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'done', 'held')),
        confirmed_by TEXT,
        lease_owner  TEXT,
        lease_until  TEXT,
        attempts     INTEGER NOT NULL DEFAULT 0,
        outcome      TEXT,
        recorded_by  TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS daily_job (
        job         TEXT NOT NULL,
        day         TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('claimed', 'done')),
        lease_owner TEXT,
        lease_until TEXT,
        outcome     TEXT,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (job, day)
      );
      CREATE TABLE IF NOT EXISTS daemon_heartbeat (
        owner          TEXT PRIMARY KEY,
        started_at     TEXT NOT NULL,
        beat_at        TEXT NOT NULL,
        last_tick      TEXT,
        last_reconcile TEXT,
        stopped_at     TEXT
      );`,
  },
  {
    // Commands that change an issue's campaign hold its lease, so they never interleave.
    name: 'leases on issues',
    sql: `
      CREATE TABLE IF NOT EXISTS issue_lease (
        issue_id    TEXT PRIMARY KEY,
        owner       TEXT NOT NULL,
        action      TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );`,
  },
  {
    // What readers did with each sent issue: Mailchimp's report, read a few times after the send.
    name: 'readings of campaign reports',
    sql: `
      CREATE TABLE IF NOT EXISTS report_reading (
        reading_id  INTEGER PRIMARY KEY AUTOINCREMENT,
        issue_id    TEXT NOT NULL,
        campaign_id TEXT NOT NULL,
        slot        TEXT NOT NULL CHECK (slot IN ('hour', 'day', 'week', 'asked')),
        read_at     TEXT NOT NULL,
        reading     TEXT NOT NULL CHECK (json_valid(reading))
      );
      CREATE UNIQUE INDEX IF NOT EXISTS report_reading_slot ON report_reading (issue_id, slot) WHERE slot <> 'asked';
      CREATE INDEX IF NOT EXISTS report_reading_issue ON report_reading (issue_id, read_at);`,
  },
  {
    // Team mode (src/team): the people who may sign in and their roles, their sessions (kept here
    // so they can be ended), the email sign-in links (only a hash of each), and who approved as whom.
    name: 'the team, its sessions and sign-in links',
    sql: `
      CREATE TABLE IF NOT EXISTS team_member (
        email      TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('writer', 'approver', 'publisher', 'admin')),
        added_at   TEXT NOT NULL,
        added_by   TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS team_session (
        session_hash TEXT PRIMARY KEY,
        email        TEXT NOT NULL,
        name         TEXT NOT NULL,
        issuer       TEXT NOT NULL,
        subject      TEXT NOT NULL,
        id_token     TEXT,
        created_at   TEXT NOT NULL,
        seen_at      TEXT NOT NULL,
        expires_at   TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS team_session_email ON team_session (email);
      CREATE TABLE IF NOT EXISTS sign_in_link (
        request_id  INTEGER PRIMARY KEY AUTOINCREMENT,
        email       TEXT NOT NULL,
        client      TEXT NOT NULL,
        token_hash  TEXT UNIQUE,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        used_at     TEXT
      );
      CREATE INDEX IF NOT EXISTS sign_in_link_email ON sign_in_link (email, created_at);
      CREATE INDEX IF NOT EXISTS sign_in_link_client ON sign_in_link (client, created_at);
      CREATE TABLE IF NOT EXISTS approval_person (
        approval_id INTEGER PRIMARY KEY REFERENCES approval (approval_id),
        email       TEXT NOT NULL,
        issuer      TEXT NOT NULL,
        subject     TEXT NOT NULL
      );`,
  },
  {
    // Each audit entry sealed with a hash of its content and of the entry before (audit-chain.ts):
    // the entries already there are sealed now, in order; a row without a seal later was added outside the tool.
    name: 'seals chaining the audit log',
    sql: `
      CREATE TABLE IF NOT EXISTS audit_seal (
        seq        INTEGER PRIMARY KEY,
        entry_hash TEXT NOT NULL
      );
      CREATE TRIGGER IF NOT EXISTS audit_seal_no_update BEFORE UPDATE ON audit_seal
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: seals cannot be changed'); END;
      CREATE TRIGGER IF NOT EXISTS audit_seal_no_delete BEFORE DELETE ON audit_seal
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: seals cannot be deleted'); END;`,
    then: sealUnsealed,
  },
  {
    // Pictures uploaded to Mailchimp's File Manager (src/publish/host-pictures.ts), once each, never deleted.
    name: 'pictures hosted in Mailchimp',
    sql: `
      CREATE TABLE IF NOT EXISTS hosted_file (
        name        TEXT PRIMARY KEY CHECK (name GLOB '[0-9a-f]*.*'),
        file_id     INTEGER NOT NULL,
        url         TEXT NOT NULL CHECK (url LIKE 'https://%' OR url LIKE 'http://127.0.0.1%'),
        folder_id   INTEGER,
        issue_id    TEXT NOT NULL,
        uploaded_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS hosted_folder (
        issue_id   TEXT PRIMARY KEY,
        folder_id  INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Run the steps this database has not had. Returns the numbers of the steps run. */
export function migrate(db: Database.Database): number[] {
  const ran: number[] = [];
  for (let step = schemaVersion(db); step < MIGRATIONS.length; step++) {
    const apply = db.transaction(() => {
      // Another process may have run it since we looked; the write lock is ours now.
      if (schemaVersion(db) !== step) return false;
      db.exec(MIGRATIONS[step]!.sql);
      MIGRATIONS[step]!.then?.(db);
      db.pragma(`user_version = ${step + 1}`);
      return true;
    });
    if (apply.immediate()) ran.push(step + 1);
  }
  return ran;
}

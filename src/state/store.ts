// The state store: one SQLite file (NEWSLETTER_DB, by default .newsletter/state.db) holding what
// the content folder cannot — statuses, approvals, share links and the audit log. It is the one
// source of an issue's status. Opened by the commands that need it; the schema is brought up to
// date on opening (migrations.ts).
import { chmodSync, closeSync, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { NewsletterError } from '../errors.js';
import { ShareLinks } from './share-links.js';
import { Approvals } from './approvals.js';
import { AuditLog } from './audit.js';
import { restoreGuards } from './audit-chain.js';
import { Campaigns } from './campaigns.js';
import { DailyJobs } from './daily-jobs.js';
import { DueSends } from './due-sends.js';
import { Heartbeats } from './heartbeat.js';
import { HostedFiles } from './hosted-files.js';
import { IssueLeases } from './issue-leases.js';
import { migrate, SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { ReportReadings } from './reports.js';
import { IssueStatuses } from './status.js';
import { stateDir } from '../files/project-paths.js';
import { SignInLinks } from './sign-in-links.js';
import { TeamMembers } from './team.js';
import { TeamSessions } from './team-sessions.js';

/** The folder for local state beside content/ (files/project-paths.ts): the database and the generated preview secret. */
export { STATE_DIR } from '../files/project-paths.js';

export function stateDbPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSLETTER_DB ? path.resolve(root, env.NEWSLETTER_DB) : stateDir(root, 'state.db');
}

export interface LiveShareLink {
  id: string;
  hash: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface Store {
  file: string;
  statuses: IssueStatuses;
  shareLinks: ShareLinks;
  approvals: Approvals;
  audit: AuditLog;
  /** Each issue's Mailchimp campaign as publishing left it. */
  campaigns: Campaigns;
  /** The scheduler daemon's work: due sends, once-a-day jobs, who is alive. */
  dueSends: DueSends;
  dailyJobs: DailyJobs;
  heartbeats: Heartbeats;
  issueLeases: IssueLeases;
  /** Readings of Mailchimp's report on each sent issue. */
  reports: ReportReadings;
  /** Team mode (src/team): the people, their sessions, the email sign-in links. */
  team: TeamMembers;
  teamSessions: TeamSessions;
  signInLinks: SignInLinks;
  /** Copy the whole store to a file while it is in use (SQLite's online backup). */
  backup(to: string): Promise<void>;
  /** Pictures uploaded to Mailchimp's File Manager, once each. */
  hostedFiles: HostedFiles;
  /** Run fn in one transaction (write lock taken at the start): a status change and its audit row land together or not at all. */
  tx<T>(fn: () => T): T;
  /** Share links to an issue that still work: not withdrawn, not expired. */
  liveShareLinks(issue: string): LiveShareLink[];
  close(): void;
}

export function openStore(file: string, now: () => Date = () => new Date()): Store {
  const db = openDatabase(file);
  const audit = new AuditLog(db, now);
  // The triggers guarding the audit log are checked each time: one dropped with the sqlite3 shell
  // is put back, and that it had to be is itself recorded.
  db.transaction(() => {
    const restored = restoreGuards(db);
    if (restored.length)
      audit.append({ actor: 'newsletter', action: 'audit-guards-restored', issue: null, hash: null, details: { triggers: restored } });
  }).immediate();
  return {
    file,
    statuses: new IssueStatuses(db, now),
    shareLinks: new ShareLinks(db, now),
    approvals: new Approvals(db, now),
    audit,
    campaigns: new Campaigns(db, now),
    dueSends: new DueSends(db, now),
    dailyJobs: new DailyJobs(db, now),
    heartbeats: new Heartbeats(db, now),
    issueLeases: new IssueLeases(db, now),
    reports: new ReportReadings(db),
    team: new TeamMembers(db, now),
    teamSessions: new TeamSessions(db),
    signInLinks: new SignInLinks(db),
    backup: async (to) => {
      await db.backup(to);
      // It holds what the store holds (the team, the audit log): readable by the owner only.
      chmodSync(to, 0o600);
    },
    hostedFiles: new HostedFiles(db, now),
    tx: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    liveShareLinks(issue) {
      const rows = db
        .prepare(
          'SELECT link_id, content_hash, created_at, expires_at FROM share_link WHERE issue_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at',
        )
        .all(issue, now().toISOString()) as { link_id: string; content_hash: string; created_at: string; expires_at: string }[];
      return rows.map((r) => ({
        id: r.link_id,
        hash: r.content_hash,
        createdAt: new Date(r.created_at),
        expiresAt: new Date(r.expires_at),
      }));
    },
    close: () => db.close(),
  };
}

/** Open and migrate, turning SQLite's terse failures into a message a person can act on. */
function openDatabase(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Only a missing file makes a new store; a file that is there must be a store already.
    if (!existsSync(file)) createStore(file);
    assertSqliteHeader(file);
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    const found = schemaVersion(db);
    if (found > SCHEMA_VERSION) throw tooNew(file, found);
    // A damaged page would otherwise surface later, mid-command, as a bare SQLite error.
    // The store is small (kilobytes), so the check costs a millisecond or two.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    migrate(db);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof NewsletterError) throw e;
    // A path that cannot hold a database (a file in the way, no permission) keeps its own code:
    // the CLI names the setting to change (cli/store.ts). A file that is there but damaged is ours to explain.
    if (!/^SQLITE_(NOTADB|CORRUPT|IOERR)/.test(String((e as { code?: unknown }).code))) throw e;
    throw unreadable(file, e);
  }
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A new store is made whole beside its name and linked in: link() never replaces a file, so two
 * processes starting at once both end up with the one store, and no one ever sees a 0-byte file
 * that could be mistaken for an empty store.
 */
function createStore(file: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.new-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const db = new Database(tmp);
    db.pragma('journal_mode = WAL');
    migrate(db);
    db.close();
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  }
}

/** A file that is there but is not a SQLite database (0 bytes, text) is refused, never replaced. */
function assertSqliteHeader(file: string): void {
  const head = Buffer.alloc(HEADER.length);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(HEADER)) throw Object.assign(new Error('not a SQLite database'), { code: 'SQLITE_NOTADB', empty: read === 0 });
}

const LOST =
  'It holds approvals, proof records, share links, the audit log and the status of issues sent with the tool. ' +
  'If you move it aside, a new empty store is made: issues must be approved again, share links stop working, and the audit log and statuses stay only in the moved file';

function unreadable(file: string, cause: unknown): NewsletterError {
  const code = (cause as { code?: string }).code ?? '';
  const why = (cause as { empty?: boolean }).empty
    ? 'it is empty (0 bytes): it was truncated or replaced, and what it held is not in it'
    : code === 'SQLITE_NOTADB'
      ? 'it is not a SQLite database (the file is damaged or something else was saved under its name)'
      : code.startsWith('SQLITE_CORRUPT')
        ? 'the database is damaged'
        : `it cannot be read (${cause instanceof Error ? cause.message : String(cause)})`;
  return new NewsletterError('state-unreadable', `the state store ${file} cannot be used: ${why}. ${LOST}.`, {
    hint: `restore the last backup of the store over ${file}; with no backup, keep the old file for reference and start afresh: mv "${file}" "${file}.broken" — or point NEWSLETTER_DB at another file`,
    cause,
  });
}

function tooNew(file: string, found: number): NewsletterError {
  return new NewsletterError(
    'state-too-new',
    `the state store ${file} was written by a newer version of newsletter (schema ${found}; this version knows up to ${SCHEMA_VERSION})`,
  );
}

// The state store: one SQLite file (NEWSLETTER_DB, by default .newsletter/state.db) holding what
// the content folder cannot — issue statuses and share links. Opened by the commands that need it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SHARE_LINK_SCHEMA, ShareLinks } from './share-links.js';
import { IssueStatuses, STATUS_SCHEMA } from './status.js';

/** The folder for local state beside content/: the database and the generated preview secret. */
export const STATE_DIR = '.newsletter';

export function stateDbPath(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.NEWSLETTER_DB ? path.resolve(root, env.NEWSLETTER_DB) : path.join(root, STATE_DIR, 'state.db');
}

export interface Store {
  statuses: IssueStatuses;
  shareLinks: ShareLinks;
  close(): void;
}

export function openStore(file: string, now: () => Date = () => new Date()): Store {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(STATUS_SCHEMA + SHARE_LINK_SCHEMA);
  return { statuses: new IssueStatuses(db, now), shareLinks: new ShareLinks(db, now), close: () => db.close() };
}

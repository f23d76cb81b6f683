// The store's schema: versioned steps that can run twice harmlessly, an audit log the database
// itself keeps append-only, a compare-and-set two processes cannot both win, and a damaged file
// that gets a message a person can act on.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsletterError } from '../../src/errors.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from '../../src/state/migrations.js';
import { openStore } from '../../src/state/store.js';
import { REPO } from '../helpers/project.js';

let dir: string;
let file: string;
const now = new Date('2024-05-01T09:00:00Z');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-state-'));
  file = path.join(dir, 'state.db');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A database built from a frozen SQL fixture: the store as an older release left it. */
function fromFixture(name: string): Database.Database {
  const db = new Database(file);
  db.exec(readFileSync(path.join(REPO, 'tests/state/fixtures', name), 'utf8'));
  return db;
}

/** The schema as SQLite holds it, spelled alike however a step wrote it (spacing, IF NOT EXISTS, quotes). */
function schemaOf(db: Database.Database): { type: string; name: string; sql: string }[] {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY name").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  return rows.map((r) => ({
    ...r,
    sql: r.sql
      .replace(/IF NOT EXISTS /g, '')
      .replace(/"/g, '')
      .replace(/\s+/g, ' '),
  }));
}

describe('migrations', () => {
  it('bring a database made before versioning up to date, keeping its rows', () => {
    // The store as the tool made it before user_version: version 0, the old status CHECK.
    const old = fromFixture('store-v0.sql');
    expect(schemaVersion(old)).toBe(0);
    old.close();

    const store = openStore(file, () => now);
    try {
      expect(store.statuses.get('2022-07')).toBe('scheduled');
      expect(store.shareLinks.find('l1')?.issue).toBe('2022-07');
      store.statuses.change('2022-07', 'scheduled', 'needs-attention'); // a status the old CHECK refused
      expect(store.statuses.get('2022-07')).toBe('needs-attention');
    } finally {
      store.close();
    }
  });

  it('the steps that shipped still build exactly the frozen schema of their release', () => {
    const frozen = fromFixture('store-v7.sql');
    const built = new Database(path.join(dir, 'built.db'));
    try {
      for (const step of MIGRATIONS.slice(0, schemaVersion(frozen))) built.exec(step.sql);
      expect(schemaOf(built)).toEqual(schemaOf(frozen));
      expect(schemaOf(frozen).map((s) => s.name)).toContain('issue_lease'); // the comparison saw the whole schema
    } finally {
      built.close();
      frozen.close();
    }
  });

  it('bring a database of the first release (version 7) up to date, keeping a row in every table', () => {
    const old = fromFixture('store-v7.sql');
    const tables = schemaOf(old).filter((s) => s.type === 'table' && s.name !== 'sqlite_sequence');
    const rowsOf = (db: Database.Database) =>
      tables.map(({ name }) => {
        const columns = (db.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name);
        return [name, db.prepare(`SELECT ${columns.join(', ')} FROM ${name}`).all()];
      });
    const before = rowsOf(old);
    expect(before.every(([, rows]) => (rows as unknown[]).length === 1)).toBe(true);
    old.close();

    const store = openStore(file, () => now);
    try {
      expect(store.statuses.get('2022-07')).toBe('scheduled');
      expect(store.shareLinks.find('l1')?.hash).toBe('h1');
      expect(store.campaigns.get('2022-07')?.campaignId).toBe('c-2022-07');
    } finally {
      store.close();
    }
    const migrated = new Database(file);
    try {
      expect(schemaVersion(migrated)).toBe(SCHEMA_VERSION);
      expect(rowsOf(migrated)).toEqual(before);
    } finally {
      migrated.close();
    }
  });

  it('run twice — reopened, or with the version reset by hand — change nothing', () => {
    const store = openStore(file, () => now);
    store.statuses.change('2022-07', 'draft', 'approved');
    store.audit.append({ actor: 'Ann', action: 'approve', issue: '2022-07', hash: 'h1', details: { note: 'x' } });
    store.close();

    const db = new Database(file);
    expect(migrate(db)).toEqual([]); // already up to date: nothing runs
    db.pragma('user_version = 0');
    expect(migrate(db)).toEqual(MIGRATIONS.map((_, i) => i + 1)); // every step again
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();

    const again = openStore(file, () => now);
    try {
      expect(again.statuses.all()).toEqual(new Map([['2022-07', 'approved']]));
      expect(again.audit.list('2022-07').map((e) => [e.actor, e.action, e.hash, e.details])).toEqual([
        ['Ann', 'approve', 'h1', { note: 'x' }],
      ]);
    } finally {
      again.close();
    }
  });

  it('refuse a database written by a newer version', () => {
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(/written by a newer version of newsletter/);
  });
});

describe('the audit log', () => {
  it('is append-only: the database refuses UPDATE and DELETE, even from outside the tool', () => {
    const store = openStore(file, () => now);
    store.audit.append({ actor: 'Ann', action: 'approve', issue: '2022-07', hash: 'h1', details: {} });
    store.close();
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'Mallory'").run()).toThrow(/append-only: rows cannot be changed/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only: rows cannot be deleted/);
      expect(db.prepare('SELECT actor FROM audit_log').all()).toEqual([{ actor: 'Ann' }]);
    } finally {
      db.close();
    }
  });

  it('a status change and its audit row land together or not at all', () => {
    const store = openStore(file, () => now);
    try {
      expect(() =>
        store.tx(() => {
          store.statuses.change('2022-07', 'draft', 'approved');
          store.audit.append({ actor: 'Ann', action: 'approve', issue: '2022-07', hash: null, details: {} });
          throw new Error('the approval failed half-way');
        }),
      ).toThrow(/half-way/);
      expect(store.statuses.get('2022-07')).toBe('draft');
      expect(store.audit.list('2022-07')).toEqual([]);
    } finally {
      store.close();
    }
  });
});

describe('compare-and-set across processes', () => {
  it('two processes that both saw draft: exactly one moves it to approved', async () => {
    openStore(file).close(); // migrate once, so the race is about the status alone
    const child = path.join(REPO, 'tests/state/cas-child.ts');
    const run = () => {
      const p = spawn(process.execPath, ['--import', 'tsx', child, file, '2022-07'], { cwd: REPO, stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      const ready = new Promise<void>((resolve) =>
        p.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('ready') && resolve())),
      );
      const done = new Promise<string>((resolve) => p.on('close', () => resolve(out)));
      return { p, ready, done };
    };
    const a = run();
    const b = run();
    await Promise.all([a.ready, b.ready]);
    a.p.stdin.write('go\n');
    b.p.stdin.write('go\n');
    const outs = await Promise.all([a.done, b.done]);
    expect(outs.every((o) => o.startsWith('ready draft\n'))).toBe(true);
    expect(outs.map((o) => o.split('\n')[1]).sort()).toEqual(['lost', 'won']);
    const store = openStore(file);
    try {
      expect(store.statuses.get('2022-07')).toBe('approved');
      expect(store.audit.list('2022-07')).toHaveLength(1); // the loser wrote no audit row
    } finally {
      store.close();
    }
  });
});

describe('a damaged or unreadable database', () => {
  it('names the file, says what is lost and how to move it aside — never a bare SQLite message', async () => {
    await writeFile(file, 'this is not a database, just some text that was saved here by mistake\n'.repeat(100));
    let error: unknown;
    try {
      openStore(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewsletterError);
    const e = error as NewsletterError;
    expect(e.code).toBe('state-unreadable');
    expect(e.exit).toBe(2);
    expect(e.message).toContain(file);
    expect(e.message).toContain('not a SQLite database');
    expect(e.message).toMatch(/issues must be approved again, share links stop working/);
    expect(e.message).not.toMatch(/^file is not a database$/);
    expect(e.hint).toContain(`mv "${file}" "${file}.broken"`);
  });

  it('a 0-byte store file is refused with the fix (restore the last backup), never replaced by an empty store', async () => {
    const store = openStore(file, () => now);
    store.statuses.change('2022-07', 'draft', 'approved');
    store.close();
    await writeFile(file, '');
    for (const f of [`${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
    expect(() => openStore(file)).toThrow(
      expect.objectContaining({
        code: 'state-unreadable',
        message: expect.stringContaining(`${file} cannot be used: it is empty (0 bytes)`),
        hint: expect.stringContaining(`restore the last backup of the store over ${file}`),
      }),
    );
    expect((await readFile(file)).length).toBe(0);
  });

  it('a missing store file makes a new store, also when two processes open it at once', async () => {
    const a = openStore(file, () => now);
    const b = openStore(file, () => now);
    a.statuses.change('2022-07', 'draft', 'approved');
    expect(b.statuses.get('2022-07')).toBe('approved');
    a.close();
    b.close();
  });

  it('a database damaged inside (its header intact) is caught on opening, not mid-command', async () => {
    const store = openStore(file, () => now);
    for (let i = 0; i < 200; i++)
      store.audit.append({ actor: 'Ann', action: 'note', issue: '2022-07', hash: null, details: { i, pad: 'x'.repeat(200) } });
    store.close();
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = await readFile(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 5); // two pages of the audit log's table overwritten
    await writeFile(file, bytes);
    expect(() => openStore(file)).toThrow(
      expect.objectContaining({
        code: 'state-unreadable',
        exit: 2,
        message: expect.stringContaining(`${file} cannot be used: the database is damaged`),
      }),
    );
  });
});

// Issue 22: the audit log is tamper-evident. Rewrites made with the database's own tools (the
// triggers dropped first) are found by `log --verify`, said by `status`, the studio and the
// daemon's /healthz, with where; the triggers are put back when the store next opens.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MIGRATIONS } from '../../src/state/migrations.js';
import { openStore } from '../../src/state/store.js';
import { captured } from '../cli/capture.js';
import { rawGet, runPreview } from '../helpers/preview-server.js';
import { daemonFor, TestClock, world, type World } from '../scheduler/harness.js';

const clock = new TestClock(new Date('2022-04-01T09:00:00Z'));
let w: World;
beforeEach(async () => {
  w = await world(clock);
  for (const actor of ['Ann Chair', 'Bob Editor', 'Cat Admin'])
    w.store.audit.append({ actor, action: 'approve', issue: '2022-04', hash: null, details: {} });
});
afterEach(() => w.close());

/** As someone with the sqlite3 shell would: on another connection, triggers dropped first. */
function tamper(sql: string): void {
  const db = new Database(w.dbFile);
  db.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_seal_no_delete;',
  );
  db.exec(sql);
  db.close();
}
const cli = async (argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, w.project.root, {});
  return { code, out: io.stdout, err: io.stderr };
};
const seqOf = (actor: string) => w.store.audit.list().find((e) => e.actor === actor)!.seq;

describe('the chain of seals', () => {
  it('is whole when only newsletter wrote: log --verify says so, exit 0', async () => {
    expect(w.store.audit.verify()).toMatchObject({ intact: true });
    const r = await cli(['log', '--verify']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^The audit log is whole: \d+ entries, each sealed to the one before; the last seal is [0-9a-f]{64}\.\n$/);
  });

  it('an actor changed: found by log --verify and status, with where; the trigger is put back', async () => {
    const bob = seqOf('Bob Editor');
    tamper(`UPDATE audit_log SET actor = 'Mallory' WHERE seq = ${bob}`);
    const r = await cli(['log', '--verify']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`The audit log was changed outside newsletter: entry ${bob} (`);
    expect(r.err).toContain('Mallory, approve 2022-04) was changed');
    const status = await cli(['status', '2022-04']);
    expect(status.out).toMatch(/^WARNING: The audit log was changed outside newsletter: entry \d+/);
    // Opening the store put the triggers back, and said so in the log itself.
    const db = new Database(w.dbFile, { readonly: true });
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete', 'audit_seal_no_delete']));
    expect(w.store.audit.list().at(-1)).toMatchObject({ actor: 'newsletter', action: 'audit-guards-restored' });
    const shell = new Database(w.dbFile);
    try {
      expect(() => shell.exec("UPDATE audit_log SET actor = 'x'")).toThrow(/append-only/);
    } finally {
      shell.close();
    }
  });

  it('an entry deleted in the middle, or from the end with its seal, or slipped in without one', async () => {
    const bob = seqOf('Bob Editor');
    tamper(`DELETE FROM audit_log WHERE seq = ${bob}`);
    expect(w.store.audit.verify()).toMatchObject({ intact: false, seq: bob, problem: `entry ${bob} was deleted` });
    await w.close();
    w = await world(clock);
    w.store.audit.append({ actor: 'Ann Chair', action: 'approve', issue: '2022-04', hash: null, details: {} });
    const last = w.store.audit.list().at(-1)!.seq;
    tamper(`DELETE FROM audit_log WHERE seq = ${last}; DELETE FROM audit_seal WHERE seq = ${last}`);
    expect(w.store.audit.verify()).toMatchObject({ intact: false, seq: last, problem: expect.stringContaining('were deleted') });
    await w.close();
    w = await world(clock);
    tamper("INSERT INTO audit_log (at, actor, action, details) VALUES ('2022-04-01T09:00:00Z', 'Mallory', 'approve', '{}')");
    expect(w.store.audit.verify()).toMatchObject({ intact: false, problem: expect.stringContaining('has no seal') });
  });

  it('is said by the daemon /healthz report and on the studio page', async () => {
    tamper(`UPDATE audit_log SET actor = 'Mallory' WHERE seq = ${seqOf('Ann Chair')}`);
    const { daemon } = daemonFor(w, undefined as never);
    expect(daemon.healthReport().auditLog).toMatchObject({
      intact: false,
      brokenAt: expect.any(Number),
      says: expect.stringContaining('was changed'),
    });
    const run = await runPreview('studio', undefined, { store: w.store });
    try {
      expect((await rawGet(run.url, '/')).body).toContain('The audit log was changed outside newsletter: entry');
    } finally {
      await run.stop();
    }
  });
});

describe('the migration that adds seals', () => {
  let dir: string;
  beforeEach(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'newsletter-chain-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('seals the entries already there, in order, so the chain is whole afterwards', () => {
    const file = path.join(dir, 'state.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    const before = MIGRATIONS.findIndex((m) => m.name === 'seals chaining the audit log');
    MIGRATIONS.slice(0, before).forEach((m) => db.exec(m.sql));
    db.pragma(`user_version = ${before}`);
    for (const actor of ['Ann', 'Bob'])
      db.prepare("INSERT INTO audit_log (at, actor, action, details) VALUES ('2022-04-01T09:00:00Z', ?, 'approve', '{}')").run(actor);
    db.close();
    const store = openStore(file);
    try {
      expect(store.audit.verify()).toMatchObject({ intact: true, entries: 2 });
    } finally {
      store.close();
    }
  });
});

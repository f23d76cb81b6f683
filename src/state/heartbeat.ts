// Daemon heartbeats: each running daemon writes its row every tick, so `newsletter status` and
// the health endpoint can say whether one is alive, and when it last ticked and reconciled.
import type Database from 'better-sqlite3';

export interface Heartbeat {
  /** host:pid:random — who the daemon is, also its name on the leases it takes. */
  owner: string;
  startedAt: Date;
  beatAt: Date;
  lastTick: Date | null;
  lastReconcile: Date | null;
  stoppedAt: Date | null;
}

interface Row {
  owner: string;
  started_at: string;
  beat_at: string;
  last_tick: string | null;
  last_reconcile: string | null;
  stopped_at: string | null;
}

const date = (s: string | null) => (s === null ? null : new Date(s));

export class Heartbeats {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  start(owner: string): void {
    const at = this.now().toISOString();
    this.db.prepare('INSERT OR REPLACE INTO daemon_heartbeat (owner, started_at, beat_at) VALUES (?, ?, ?)').run(owner, at, at);
  }

  /** A beat; `what` says which job just finished. */
  beat(owner: string, what?: 'tick' | 'reconcile'): void {
    const at = this.now().toISOString();
    const column = what === 'tick' ? ', last_tick = @at' : what === 'reconcile' ? ', last_reconcile = @at' : '';
    this.db.prepare(`UPDATE daemon_heartbeat SET beat_at = @at${column} WHERE owner = @owner`).run({ at, owner });
  }

  stop(owner: string): void {
    this.db.prepare('UPDATE daemon_heartbeat SET stopped_at = ? WHERE owner = ?').run(this.now().toISOString(), owner);
  }

  /** Every daemon seen, the most recent beat first. */
  list(): Heartbeat[] {
    const rows = this.db.prepare('SELECT * FROM daemon_heartbeat ORDER BY beat_at DESC').all() as Row[];
    return rows.map((r) => ({
      owner: r.owner,
      startedAt: new Date(r.started_at),
      beatAt: new Date(r.beat_at),
      lastTick: date(r.last_tick),
      lastReconcile: date(r.last_reconcile),
      stoppedAt: date(r.stopped_at),
    }));
  }

  /** Daemons that beat within `withinMs` and have not said they stopped. */
  alive(withinMs: number): Heartbeat[] {
    const since = this.now().getTime() - withinMs;
    return this.list().filter((h) => h.stoppedAt === null && h.beatAt.getTime() >= since);
  }
}

// Whether a daemon is running, as `newsletter status` says it: from the heartbeats in the store,
// so it works from any shell on the machine without knowing where the daemon was started.
import { londonLocal } from '../time/uk.js';
import type { Store } from '../state/store.js';
import { DEFAULTS } from './config.js';

export function daemonLine(store: Store, now: Date, aliveMs = DEFAULTS.aliveMs): string {
  const alive = store.heartbeats.alive(aliveMs);
  if (alive.length > 0) {
    const d = alive[0]!;
    const tick = d.lastTick ? `last tick ${londonLocal(d.lastTick)}` : 'starting';
    const more = alive.length > 1 ? ` (and ${alive.length - 1} more)` : '';
    return `daemon    alive — ${d.owner}, ${tick}${d.lastReconcile ? `, last reconcile ${londonLocal(d.lastReconcile)}` : ''}${more}`;
  }
  const last = store.heartbeats.list()[0];
  const due = store.dueSends.open().filter((d) => d.state !== 'held').length;
  const warning = due > 0 ? ` — ${due} due send${due === 1 ? '' : 's'} waiting: start \`newsletter daemon\`` : '';
  if (!last) return `daemon    not running (never started here)${warning}`;
  return `daemon    NOT running — last seen ${londonLocal(last.stoppedAt ?? last.beatAt)}${last.stoppedAt ? ' (stopped)' : ''}${warning}`;
}

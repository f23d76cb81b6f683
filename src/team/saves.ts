// Each save in the studio's editor goes in the audit log: which file, which fields changed, and
// who saved it — the signed-in person in team mode (which the four-eyes rule reads), else the
// user running the studio.
import { userInfo } from 'node:os';
import type { Store } from '../state/store.js';
import { actorOf, type Person, personDetails } from '../state/team.js';

export function recordSave(store: Store, o: { person?: Person; file: string; issue?: string; hash: string; fields: string[] }): void {
  store.audit.append({
    actor: o.person ? actorOf(o.person) : userInfo().username,
    action: 'save',
    issue: o.issue ?? null,
    hash: null,
    details: { file: o.file, fields: o.fields, fileHash: o.hash, ...(o.person ? { person: personDetails(o.person) } : {}) },
  });
}

// The store is the one source of an issue's status; the preview reads nothing else. Two records
// from the content folder are taken into it, once, when the server starts and whenever content
// changes (as `status`, `approve` and `proof` do): `status: sent` in an issue file (sent before
// the tool), and a sent snapshot in content/issues/<id>/sent/ (what subscribers received).
import { listSentSnapshots, type ContentPaths } from '../archive/sent.js';
import type { Content } from '../content/schema.js';
import { canChange } from '../state/status.js';
import type { Store } from '../state/store.js';
import { importSentIssues } from '../workflow/current.js';

/** Record as sent what the content folder says was sent; returns the issues whose status changed. */
export async function importSentStatus(store: Store, paths: ContentPaths, content: Content | undefined): Promise<string[]> {
  const changed = content ? importSentIssues(store, content) : [];
  for (const sent of await listSentSnapshots(paths)) {
    const id = sent.snapshot.issueId;
    const record = recordDir(paths, id);
    const recorded = store.tx(() => {
      if (store.statuses.importSent(id)) {
        const details = { from: record, sentAt: sent.sentAt };
        store.audit.append({ actor: 'newsletter', action: 'import-sent', issue: id, hash: sent.snapshot.hash, details });
        return true;
      }
      // Known to the store: a sent record settles a send the store was still waiting on. A draft or
      // an approved issue cannot jump to sent (the status table forbids it); it stays as recorded.
      const now = store.statuses.get(id);
      if (now === 'sent' || !canChange(now, 'sent')) return false;
      store.statuses.change(id, now, 'sent');
      const details = { from: now, to: 'sent', record, sentAt: sent.sentAt };
      store.audit.append({ actor: 'newsletter', action: 'status', issue: id, hash: sent.snapshot.hash, details });
      return true;
    });
    if (recorded) changed.push(id);
  }
  return changed;
}

function recordDir(paths: ContentPaths, id: string): string {
  const rel = paths.content.slice(paths.root.length).replace(/^[\\/]+/, '') || 'content';
  return `${rel}/issues/${id}/sent/`;
}

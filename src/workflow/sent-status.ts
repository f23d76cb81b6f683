// The one door to an issue's status. The store holds it (state/status.ts); what the content folder
// records as sent — a sent record in content/issues/<id>/sent/, what subscribers received — is
// folded into it here and nowhere else, and every reader (the commands, the preview, the daemon's
// reminders, the built index page) reads status through `readStatuses`. A `status: sent` line in
// issue.yaml is not a record and makes nothing sent: check reports it, and `newsletter import-sent`
// records an issue that went out before the tool, deliberately and in the audit log.
import { listSentRecords, type ContentPaths, type SentRecord } from '../archive/sent.js';
import { canChange, type IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import path from 'node:path';
import { issuesDir, sentDir } from '../files/project-paths.js';

export interface StatusReader {
  /** The issue's status; an issue nothing records is a draft. */
  get(id: string): IssueStatus;
  all(): Map<string, IssueStatus>;
}

/**
 * Fold the content folder's sent records into the store, then read status from it. Without a store
 * (`build` needs none, so a fresh clone or CI can build), an issue with a sent record is sent and
 * every other issue is a draft.
 */
export async function readStatuses(store: Store | undefined, paths: ContentPaths): Promise<StatusReader> {
  const records = await listSentRecords(paths);
  if (!store) {
    const sent = new Map<string, IssueStatus>(records.map((r) => [r.snapshot.issueId, 'sent']));
    return { get: (id) => sent.get(id) ?? 'draft', all: () => new Map(sent) };
  }
  for (const sent of records) foldRecord(store, paths, sent);
  return store.statuses;
}

/** Take one sent record into the store, audited; returns whether the store changed. */
function foldRecord(store: Store, paths: ContentPaths, sent: SentRecord): boolean {
  const id = sent.snapshot.issueId;
  const record = recordDir(paths, id);
  return store.tx(() => {
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
}

/** "content/issues/2022-04/sent/", as the audit log names a record. */
export function recordDir(paths: ContentPaths, id: string): string {
  return `${path.relative(paths.root, sentDir(paths, id)).split(path.sep).join('/')}/`;
}

/**
 * Whether changed files (absolute paths) may have changed a sent record: anything but an issue's
 * own files beside its record (issue.yaml, its pictures) or the templates may, e.g. a sent/ folder
 * written by another process, or an issue folder added or removed. The studio folds the records in
 * again only then, so a save of one issue's file does not read every sent issue (issue 27).
 */
export function mayChangeSentRecords(paths: ContentPaths & { templates: string }, changed: readonly string[]): boolean {
  return changed.some((file) => {
    if (!path.relative(paths.templates, file).startsWith('..')) return false;
    const rel = path.relative(issuesDir(paths), file).split(path.sep);
    return rel[0] === '..' || path.isAbsolute(rel[0]!) || rel.length < 2 || rel[1] === path.basename(sentDir(paths, rel[0]!));
  });
}

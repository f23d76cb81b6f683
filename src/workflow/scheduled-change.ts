// The rule for a scheduled issue (issue 23, defect 2): what will be sent is the approved snapshot,
// so a scheduled issue is not edited — the editor says "Unschedule to edit" and its save is refused
// (the lifecycle table's `edit`). If its file changes anyway (an editor outside the tool, git pull),
// the issue is parked as needs-attention at once, by whichever door sees the change first: the
// studio when the file changes, `newsletter status`, the daemon on its next round. The daemon's
// `needsAttention` and the reminder then name the reason, and nothing goes out unlooked-at.
import { NewsletterError } from '../errors.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../pipeline.js';
import type { Store } from '../state/store.js';

export const CHANGED_WHILE_SCHEDULED =
  'its file changed after it was scheduled: Mailchimp would send the approved version, not what the file says now — unschedule it, approve the change and publish again, or put the file back';

/**
 * Park a scheduled issue whose current content (`currentHash`; '' when it no longer renders)
 * is not the approved snapshot that will be sent. Returns whether it was parked now.
 */
export function parkIfChangedWhileScheduled(store: Store, id: string, currentHash: string, needed: number, actor = 'newsletter'): boolean {
  return store.tx(() => {
    if (store.statuses.get(id) !== 'scheduled') return false;
    const approved = store.approvals.approvedSnapshot(id, needed);
    // No approved snapshot at all is the daemon's to judge (it reads Mailchimp first).
    if (!approved || approved.hash === currentHash) return false;
    store.statuses.change(id, 'scheduled', 'needs-attention');
    const details = { from: 'scheduled', reason: CHANGED_WHILE_SCHEDULED, approved: approved.hash, now: currentHash || null };
    store.audit.append({ actor, action: 'needs-attention', issue: id, hash: approved.hash, details });
    return true;
  });
}

/** The content hash of the issue as its file stands now, or '' when it no longer loads or renders. */
export async function currentContentHash(paths: ProjectPaths, id: string): Promise<string> {
  try {
    const content = usableContent(await loadProject(paths), [id]);
    return (await renderIssue(content, findIssue(content, id), await loadTemplates(paths))).hash;
  } catch (e) {
    if (e instanceof NewsletterError) return ''; // content errors included: it is not what was approved
    throw e;
  }
}

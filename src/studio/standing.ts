// Where an issue stands, as the studio shows it: its status from the store (the only source), and
// its approval judged against the content hash of the render on screen — the same hash `approve`
// records and `status` compares, so "changed since approval" means what the CLI means by stale.
import { snapshotOf } from '../archive/snapshot.js';
import type { ApprovalState } from '../state/approvals.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import type { Workspace } from '../workspace/workspace.js';

export interface Standing {
  status: IssueStatus;
  approval: ApprovalState;
}

export async function standingOf(ws: Workspace, store: Store, id: string, now: Date): Promise<Standing | undefined> {
  const issue = ws.issue(id);
  const content = ws.content();
  if (!issue || !content) return undefined;
  const status = store.statuses.get(id);
  const needed = content.newsletter.approvals;
  // What was sent is history: approval no longer applies to it.
  if (status === 'sent') return { status, approval: { state: 'none', needed } };
  // Not approved at all: nothing to compare, so the list of issues renders none of them.
  const unapproved = store.approvals.stateOf(id, '', needed);
  if (unapproved.state === 'none') return { status, approval: unapproved };
  const shown = await ws.render(id);
  // No render at all: any approval stands for content that cannot be shown, so it is stale.
  const hash = shown ? snapshotOf(content, issue, shown.rendered, now).hash : '';
  return { status, approval: store.approvals.stateOf(id, hash, needed) };
}

/** A short key that changes whenever what the page shows of the standing changes. */
export function standingKey(s: Standing): string {
  const a = s.approval;
  return a.state === 'none'
    ? `${s.status}:none`
    : `${s.status}:${a.state}:${a.hash.slice(0, 12)}:${a.approvals.map((x) => x.id).join('.')}`;
}

// Where an issue stands, as the studio shows it: its status from the store (the only source), and
// its approval judged against the content hash of the render on screen — the same hash `approve`
// records and `status` compares, so "changed since approval" means what the CLI means by stale.
import { readSentRecord } from '../archive/sent.js';
import { snapshotOf } from '../archive/snapshot.js';
import type { ApprovalState } from '../state/approvals.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import { parkIfChangedWhileScheduled } from '../workflow/scheduled-change.js';
import { attentionReason } from '../workflow/status-report.js';
import type { Workspace } from '../workspace/workspace.js';

export interface Standing {
  status: IssueStatus;
  approval: ApprovalState;
  /** Why the issue was set aside for a person, when it needs attention (the audit log's latest reason). */
  attention?: string;
  /** When a sent issue went out (ISO 8601, UTC), from its sent record. */
  sentAt?: string;
}

export async function standingOf(ws: Workspace, store: Store, id: string, now: Date): Promise<Standing | undefined> {
  const issue = ws.issue(id);
  const content = ws.content();
  if (!issue || !content) return undefined;
  let status = store.statuses.get(id);
  const needed = content.newsletter.approvals;
  // What was sent is history: approval no longer applies to it.
  if (status === 'sent') {
    const sentAt = await readSentRecord(ws.paths, id).then(
      (r) => r?.sentAt,
      () => undefined,
    );
    return { status, approval: { state: 'none', needed }, ...(sentAt ? { sentAt } : {}) };
  }
  // Not approved at all: nothing to compare, so the list of issues renders none of them.
  const unapproved = store.approvals.stateOf(id, '', needed);
  if (unapproved.state === 'none') return { status, approval: unapproved };
  const shown = await ws.render(id);
  // No render at all: any approval stands for content that cannot be shown, so it is stale.
  const hash = shown ? snapshotOf(content, issue, shown.rendered, now).hash : '';
  // A scheduled issue whose file changed is parked at once, so the page says so (workflow/scheduled-change.ts).
  if (status === 'scheduled' && parkIfChangedWhileScheduled(store, id, hash, needed)) status = 'needs-attention';
  const approval = store.approvals.stateOf(id, hash, needed);
  if (status !== 'needs-attention') return { status, approval };
  return { status, approval, attention: attentionReason(store, id) ?? 'was set aside: see `newsletter log`' };
}

/** A short key that changes whenever what the page shows of the standing changes. */
export function standingKey(s: Standing): string {
  const a = s.approval;
  if (s.attention) return `${s.status}:${s.attention.length}:${a.state}`;
  return a.state === 'none'
    ? `${s.status}:none:${s.sentAt ?? ''}`
    : `${s.status}:${a.state}:${a.hash.slice(0, 12)}:${a.approvals.map((x) => x.id).join('.')}`;
}

/** After a content change: every scheduled issue it touched is looked at now, so one edited is parked at once. */
export async function noticeScheduledChanges(c: { ws: Workspace; store: Store; now: () => Date }, issues: string[] | 'all'): Promise<void> {
  for (const [id, status] of c.store.statuses.all())
    if (status === 'scheduled' && (issues === 'all' || issues.includes(id))) await standingOf(c.ws, c.store, id, c.now());
}

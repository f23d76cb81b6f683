// `approve` records who approved which content hash, only when check finds no errors, and keeps
// the snapshot approved. When enough different people have approved the same hash
// (newsletter.yaml `approvals`, 1 by default) the issue becomes approved. `unapprove` withdraws.
import type { ApprovalState } from '../state/approvals.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import type { ProjectPaths } from '../pipeline.js';
import { currentIssue, refuseOnErrors, validActor } from './current.js';
import { refuseUnless } from '../lifecycle.js';
import { readStatuses } from './sent-status.js';

export interface ApproveArgs {
  id: string;
  by: string;
  now: () => Date;
}

export interface ApproveResult {
  id: string;
  hash: string;
  approver: string;
  status: IssueStatus;
  approval: ApprovalState;
  /** True when this person had already approved this exact content: nothing new was recorded. */
  already: boolean;
}

export async function approve(paths: ProjectPaths, store: Store, args: ApproveArgs): Promise<ApproveResult> {
  const by = validActor(args.by, 'approves the issue');
  const now = args.now();
  // Asked first, so a sent issue is refused for what it is, not for what check finds in it now.
  refuseUnless('approval-refused', 'approve', (await readStatuses(store, paths)).get(args.id), args.id);
  const { content, snapshot, report } = await currentIssue(paths, args.id, now);
  refuseOnErrors(report, 'approved');
  const needed = content.newsletter.approvals;
  return store.tx(() => {
    // Asked again inside the transaction: another process may have moved the issue on meanwhile.
    const status = store.statuses.get(args.id);
    refuseUnless('approval-refused', 'approve', status, args.id);
    const before = store.approvals.stateOf(args.id, snapshot.hash, needed);
    const already = before.state !== 'none' && before.hash === snapshot.hash && before.approvals.some((a) => same(a.approver, by));
    if (!already) {
      store.approvals.record(by, snapshot);
      store.audit.append({
        actor: by,
        action: 'approve',
        issue: args.id,
        hash: snapshot.hash,
        details: { needed, acknowledged: report.acknowledged ?? [] },
      });
    }
    const approval = store.approvals.stateOf(args.id, snapshot.hash, needed);
    let next = status;
    if (approval.state === 'fresh' && status === 'draft') {
      store.statuses.change(args.id, 'draft', 'approved');
      store.audit.append({ actor: by, action: 'status', issue: args.id, hash: snapshot.hash, details: { from: 'draft', to: 'approved' } });
      next = 'approved';
    }
    return { id: args.id, hash: snapshot.hash, approver: by, status: next, approval, already };
  });
}

export interface UnapproveArgs {
  id: string;
  by: string;
  now: () => Date;
}

export interface UnapproveResult {
  id: string;
  withdrawn: number;
  status: IssueStatus;
}

/** Withdraw every live approval of the issue; an approved issue goes back to draft. */
export function unapprove(store: Store, args: UnapproveArgs): UnapproveResult {
  const by = validActor(args.by, 'withdraws the approval');
  return store.tx(() => {
    const status = store.statuses.get(args.id);
    refuseUnless('approval-refused', 'unapprove', status, args.id);
    const withdrawn = store.approvals.withdraw(args.id);
    if (withdrawn === 0 && status === 'draft') return { id: args.id, withdrawn, status };
    if (status === 'approved') store.statuses.change(args.id, 'approved', 'draft');
    store.audit.append({ actor: by, action: 'unapprove', issue: args.id, hash: null, details: { withdrawn, from: status } });
    return { id: args.id, withdrawn, status: 'draft' as const };
  });
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

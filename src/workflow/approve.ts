// `approve` records who approved which content hash, only when check finds no errors, and keeps
// the snapshot approved. When enough different people have approved the same hash
// (newsletter.yaml `approvals`, 1 by default) the issue becomes approved. `unapprove` withdraws.
import { type ApprovalState, approverKey } from '../state/approvals.js';
import { actorOf, type Person, personDetails } from '../state/team.js';
import type { IssueStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import type { ProjectPaths } from '../pipeline.js';
import { currentIssue, refuseOnErrors, validActor } from './current.js';
import { refuseUnless } from '../lifecycle.js';
import { NewsletterError } from '../errors.js';
import { readStatuses } from './sent-status.js';

export interface ApproveArgs {
  id: string;
  /** The name typed (`--by`, the one-person studio); in team mode the signed-in person instead. */
  by?: string;
  person?: Person;
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
  const by = args.person ? actorOf(args.person) : validActor(args.by, 'approves the issue');
  const person = args.person && { email: args.person.email, issuer: args.person.issuer, subject: args.person.subject };
  const key = approverKey({ approver: by, person });
  const now = args.now();
  // Asked first, so a sent issue is refused for what it is, not for what check finds in it now.
  refuseUnless('approval-refused', 'approve', (await readStatuses(store, paths)).get(args.id), args.id, args.person?.role);
  const { content, snapshot, report } = await currentIssue(paths, args.id, now);
  refuseOnErrors(report, 'approved');
  const needed = content.newsletter.approvals;
  return store.tx(() => {
    // Asked again inside the transaction: another process may have moved the issue on meanwhile.
    const status = store.statuses.get(args.id);
    refuseUnless('approval-refused', 'approve', status, args.id, args.person?.role);
    const before = store.approvals.stateOf(args.id, snapshot.hash, needed);
    const already = before.state !== 'none' && before.hash === snapshot.hash && before.approvals.some((a) => approverKey(a) === key);
    if (!already) {
      if (content.newsletter.fourEyes) refuseOwnChange(store, args.id, args.person, by);
      store.approvals.record(by, snapshot, person);
      store.audit.append({
        actor: by,
        action: 'approve',
        issue: args.id,
        hash: snapshot.hash,
        details: { needed, acknowledged: report.acknowledged ?? [], ...(args.person ? { person: personDetails(args.person) } : {}) },
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

/**
 * Four eyes (newsletter.yaml `fourEyes: true`): whoever made the last change to the issue's content
 * in the studio may not approve it. Saves record the person (src/team/saves.ts); a change made
 * outside the studio (a text editor, git) names no one and so stops no one.
 */
function refuseOwnChange(store: Store, id: string, person: Person | undefined, by: string): void {
  const last = store.audit.list(id, 'save').at(-1);
  const saver = last?.details.person as { email?: string; issuer?: string; subject?: string } | undefined;
  if (!last || !saver) return;
  const mine = person
    ? saver.issuer === person.issuer && saver.subject === person.subject
    : last.actor.trim().toLowerCase() === by.toLowerCase();
  if (!mine) return;
  throw new NewsletterError(
    'approval-refused',
    `${id} was last changed by ${last.actor}, and newsletter.yaml asks for four eyes (fourEyes: true): someone other than the last person to change the content must approve it`,
    { hint: 'ask another approver on the team to approve it' },
  );
}

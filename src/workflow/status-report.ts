// `status`: where each issue stands — its status from the store, its planned send time in UK
// time, whether its approval is fresh or stale (and who gave it, when), the proofs sent and the
// share links still live. `log`: the audit trail. Both return data; the CLI prints them.
import { readSentRecord } from '../archive/sent.js';
import { snapshotOf } from '../archive/snapshot.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../pipeline.js';
import { londonLocal, ukDateTime } from '../time/uk.js';
import type { ApprovalState } from '../state/approvals.js';
import type { AuditEntry } from '../state/audit.js';
import type { IssueStatus } from '../state/status.js';
import type { LiveShareLink, Store } from '../state/store.js';
import { parkIfChangedWhileScheduled } from './scheduled-change.js';
import { readStatuses } from './sent-status.js';

export interface ProofRecord {
  at: Date;
  by: string;
  hash: string | null;
  to: string[];
  delivered: string[];
  forced: boolean;
  failed?: string;
}

export interface IssueStanding {
  id: string;
  subject: string;
  status: IssueStatus;
  /** "YYYY-MM-DD HH:MM" in Europe/London, as the issue file gives it, and as people read it. */
  sendAt: string;
  sendAtUk: string;
  /** The hash of the issue's current render; null for a sent issue (what was sent is history). */
  hash: string | null;
  /** For a sent issue, the hash of the content that was sent (its sent record). */
  sentHash?: string;
  approval: ApprovalState;
  proofs: ProofRecord[];
  shareLinks: LiveShareLink[];
  /** Why it was set aside for a person, when it needs attention (the audit log's latest reason). */
  attention?: string;
}

export async function issueStandings(paths: ProjectPaths, store: Store, ids: string[] | 'all', now: Date): Promise<IssueStanding[]> {
  const project = await loadProject(paths);
  const content = usableContent(project, ids);
  const statuses = await readStatuses(store, paths);
  const issues = ids === 'all' ? content.issues : ids.map((id) => findIssue(content, id));
  const templates = await loadTemplates(paths);
  const needed = content.newsletter.approvals;
  const standings: IssueStanding[] = [];
  for (const issue of issues) {
    let status = statuses.get(issue.id);
    const hash = status === 'sent' ? null : snapshotOf(content, issue, await renderIssue(content, issue, templates), now).hash;
    // A scheduled issue whose file changed since approval is parked now, and shown so (scheduled-change.ts).
    if (status === 'scheduled' && parkIfChangedWhileScheduled(store, issue.id, hash ?? '', needed)) status = 'needs-attention';
    const sentHash =
      status === 'sent'
        ? await readSentRecord(paths, issue.id).then(
            (r) => r?.snapshot.hash,
            () => undefined,
          )
        : undefined;
    standings.push({
      id: issue.id,
      subject: issue.subject,
      status,
      sendAt: issue.sendAt,
      sendAtUk: sendTimeShown(store, issue.id, status, issue.sendAt),
      hash,
      ...(sentHash ? { sentHash } : {}),
      approval: hash === null ? { state: 'none', needed } : store.approvals.stateOf(issue.id, hash, needed),
      proofs: proofsOf(store.audit.list(issue.id, 'proof')),
      shareLinks: store.liveShareLinks(issue.id),
      ...(status === 'needs-attention' ? { attention: attentionReason(store, issue.id) ?? 'was set aside: see `newsletter log`' } : {}),
    });
  }
  return standings;
}

/** The latest reason an issue was set aside for a person, from the audit log. */
export function attentionReason(store: Store, id: string): string | undefined {
  const reason = store.audit.list(id, 'needs-attention').at(-1)?.details.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** A proof beside the content it showed: the content that was sent, the content as it is now, or earlier content. */
export function proofContent(s: Pick<IssueStanding, 'hash' | 'sentHash'>, p: Pick<ProofRecord, 'hash'>): string {
  if (s.sentHash !== undefined && p.hash === s.sentHash) return ' (the content that was sent)';
  return p.hash !== null && p.hash === s.hash ? '' : ' (earlier content)';
}

function proofsOf(entries: AuditEntry[]): ProofRecord[] {
  return entries.map((e) => {
    const d = e.details as { to?: string[]; delivered?: string[]; forced?: boolean; failed?: string };
    return {
      at: e.at,
      by: e.actor,
      hash: e.hash,
      to: d.to ?? [],
      delivered: d.delivered ?? [],
      forced: Boolean(d.forced),
      ...(d.failed ? { failed: d.failed } : {}),
    };
  });
}

/** The audit trail of one issue, or of everything, oldest first. */
export function auditTrail(store: Store, id?: string): AuditEntry[] {
  return store.audit.list(id);
}

/** The time the issue will go: as scheduled in Mailchimp (or due for the daemon) once it is, else its sendAt. */
function sendTimeShown(store: Store, id: string, status: IssueStatus, sendAt: string): string {
  if (status !== 'scheduled') return ukDateTime(sendAt);
  const due = store.dueSends.get(id);
  if (due && due.state !== 'done') return `${ukDateTime(londonLocal(due.dueAt))} (the daemon sends it)`;
  const scheduled = store.campaigns.get(id)?.scheduledFor;
  return scheduled ? `${ukDateTime(londonLocal(scheduled))} (scheduled in Mailchimp)` : ukDateTime(sendAt);
}

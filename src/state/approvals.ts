// Approvals: a person approves one content hash of an issue, and the snapshot with that hash is
// kept beside the approval, so publishing sends exactly what was approved. An approval is
// fresh while the issue still renders to that hash and enough different people gave it.
import type Database from 'better-sqlite3';
import type { IssueSnapshot } from '../archive/snapshot.js';

export interface Approval {
  id: number;
  issue: string;
  approver: string;
  hash: string;
  approvedAt: Date;
  /** In team mode, the signed-in person: their email and the issuer and subject of their sign-in. */
  person?: ApproverIdentity;
}

export interface ApproverIdentity {
  email: string;
  issuer: string;
  subject: string;
}

/**
 * Who an approval counts as: the signed-in person (issuer and subject of the verified sign-in)
 * when there is one, else the name typed (one-person studio, CLI), compared without case.
 */
export const approverKey = (a: Pick<Approval, 'approver' | 'person'>): string =>
  a.person ? `signed-in\u0000${a.person.issuer}\u0000${a.person.subject}` : `named\u0000${a.approver.trim().toLowerCase()}`;

/** Where an issue's approval stands against its current render. */
export type ApprovalState =
  /** No live approval at all. */
  | { state: 'none'; needed: number }
  /** Enough different people approved the current content. */
  | { state: 'fresh'; needed: number; hash: string; approvals: Approval[] }
  /** Some approved the current content, not yet enough of them. */
  | { state: 'partial'; needed: number; hash: string; approvals: Approval[] }
  /** Approvals stand for content that has changed since. */
  | { state: 'stale'; needed: number; hash: string; approvals: Approval[] };

interface Row {
  approval_id: number;
  issue_id: string;
  approver: string;
  content_hash: string;
  approved_at: string;
  email: string | null;
  issuer: string | null;
  subject: string | null;
}

const toApproval = (r: Row): Approval => ({
  id: r.approval_id,
  issue: r.issue_id,
  approver: r.approver,
  hash: r.content_hash,
  approvedAt: new Date(r.approved_at),
  ...(r.email !== null && r.issuer !== null && r.subject !== null
    ? { person: { email: r.email, issuer: r.issuer, subject: r.subject } }
    : {}),
});

const SELECT = 'SELECT a.*, p.email, p.issuer, p.subject FROM approval a LEFT JOIN approval_person p ON p.approval_id = a.approval_id';

export class Approvals {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  record(approver: string, snapshot: IssueSnapshot, person?: ApproverIdentity): Approval {
    const at = this.now();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO approval (issue_id, approver, content_hash, snapshot, approved_at) VALUES (?, ?, ?, ?, ?)')
      .run(snapshot.issueId, approver, snapshot.hash, JSON.stringify(snapshot), at.toISOString());
    const id = Number(lastInsertRowid);
    if (person)
      this.db
        .prepare('INSERT INTO approval_person (approval_id, email, issuer, subject) VALUES (?, ?, ?, ?)')
        .run(id, person.email, person.issuer, person.subject);
    return { id, issue: snapshot.issueId, approver, hash: snapshot.hash, approvedAt: at, ...(person ? { person } : {}) };
  }

  /** Live (not withdrawn) approvals of an issue, oldest first. */
  live(issue: string): Approval[] {
    const rows = this.db.prepare(`${SELECT} WHERE a.issue_id = ? AND a.withdrawn_at IS NULL ORDER BY a.approval_id`).all(issue) as Row[];
    return rows.map(toApproval);
  }

  /** Withdraw every live approval of an issue, or only one person's; returns how many. */
  withdraw(issue: string, approver?: string): number {
    const at = this.now().toISOString();
    const sql = `UPDATE approval SET withdrawn_at = ? WHERE issue_id = ? AND withdrawn_at IS NULL${approver === undefined ? '' : ' AND approver = ?'}`;
    return this.db.prepare(sql).run(...[at, issue, ...(approver === undefined ? [] : [approver])]).changes;
  }

  /** The approval against the issue's current content hash, with `needed` different approvers. */
  stateOf(issue: string, currentHash: string, needed: number): ApprovalState {
    const live = this.live(issue);
    if (live.length === 0) return { state: 'none', needed };
    const current = live.filter((a) => a.hash === currentHash);
    if (current.length === 0) {
      const latest = live.at(-1)!.hash;
      return { state: 'stale', needed, hash: latest, approvals: live.filter((a) => a.hash === latest) };
    }
    const people = new Set(current.map(approverKey)).size;
    return { state: people >= needed ? 'fresh' : 'partial', needed, hash: currentHash, approvals: current };
  }

  /** The snapshot enough people approved, for publishing; undefined when no hash has enough. */
  approvedSnapshot(issue: string, needed: number): IssueSnapshot | undefined {
    const live = this.live(issue);
    for (const hash of [...new Set(live.map((a) => a.hash))].reverse()) {
      const people = new Set(live.filter((a) => a.hash === hash).map(approverKey));
      if (people.size < needed) continue;
      const row = this.db
        .prepare(
          'SELECT snapshot FROM approval WHERE issue_id = ? AND content_hash = ? AND withdrawn_at IS NULL ORDER BY approval_id DESC LIMIT 1',
        )
        .get(issue, hash) as { snapshot: string };
      return JSON.parse(row.snapshot) as IssueSnapshot;
    }
    return undefined;
  }
}

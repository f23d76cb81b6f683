// Records of the share links made for partners, so a link can be withdrawn and a page can say
// which content the link was made for. The link itself is signed elsewhere (share/share-token.ts).
import type Database from 'better-sqlite3';

export interface ShareLink {
  id: string;
  issue: string;
  /** Content hash of the render the link was made for. */
  hash: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface Row {
  link_id: string;
  issue_id: string;
  content_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export class ShareLinks {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  record(link: Omit<ShareLink, 'revokedAt'>): void {
    this.db
      .prepare('INSERT INTO share_link (link_id, issue_id, content_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(link.id, link.issue, link.hash, link.createdAt.toISOString(), link.expiresAt.toISOString());
  }

  find(id: string): ShareLink | undefined {
    const row = this.db.prepare('SELECT * FROM share_link WHERE link_id = ?').get(id) as Row | undefined;
    return (
      row && {
        id: row.link_id,
        issue: row.issue_id,
        hash: row.content_hash,
        createdAt: new Date(row.created_at),
        expiresAt: new Date(row.expires_at),
        revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      }
    );
  }

  /** Withdraw every link to an issue; returns how many were still live. */
  revokeAll(issue: string): number {
    const at = this.now().toISOString();
    return this.db.prepare('UPDATE share_link SET revoked_at = ? WHERE issue_id = ? AND revoked_at IS NULL').run(at, issue).changes;
  }
}

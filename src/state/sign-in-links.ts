// Email sign-in links (src/team/email-links.ts). Every request is a row, whether or not the
// address is on the team, so the rate limits count both alike; a link's token is kept only as a
// hash, and is used once.
import type Database from 'better-sqlite3';

export class SignInLinks {
  constructor(private readonly db: Database.Database) {}

  /** Requests for an address, and from a client, since a moment. */
  counts(email: string, client: string, since: Date): { email: number; client: number } {
    const count = (col: 'email' | 'client', v: string) =>
      (
        this.db.prepare(`SELECT count(*) AS n FROM sign_in_link WHERE ${col} = ? AND created_at > ?`).get(v, since.toISOString()) as {
          n: number;
        }
      ).n;
    return { email: count('email', email.toLowerCase()), client: count('client', client) };
  }

  /** Record a request; with a token hash when a link was made (the address is on the team). */
  record(r: { email: string; client: string; tokenHash: string | null; at: Date; expiresAt: Date }): void {
    this.db
      .prepare('INSERT INTO sign_in_link (email, client, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(r.email.toLowerCase(), r.client, r.tokenHash, r.at.toISOString(), r.expiresAt.toISOString());
  }

  /**
   * Use a link: the address it was made for, when the token is known, unused and not expired. The
   * row is marked used in the same statement, so two uses at once cannot both succeed.
   */
  redeem(tokenHash: string, at: Date): { email: string } | { refused: 'unknown' | 'used' | 'expired' } {
    const row = this.db.prepare('SELECT email, expires_at, used_at FROM sign_in_link WHERE token_hash = ?').get(tokenHash) as
      { email: string; expires_at: string; used_at: string | null } | undefined;
    if (!row) return { refused: 'unknown' };
    if (row.used_at !== null) return { refused: 'used' };
    if (new Date(row.expires_at) <= at) return { refused: 'expired' };
    const took = this.db
      .prepare('UPDATE sign_in_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL')
      .run(at.toISOString(), tokenHash).changes;
    return took === 1 ? { email: row.email } : { refused: 'used' };
  }
}

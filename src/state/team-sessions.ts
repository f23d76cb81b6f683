// Team studio sessions, kept in the store so they can be ended: at sign out, when a person is
// removed from the team, or when they pass their idle or absolute lifetime. Only a keyed hash of
// each session id is kept (src/team/sessions.ts makes it), so the file alone cannot be used to
// sign in as anyone.
import type Database from 'better-sqlite3';

export interface TeamSession {
  email: string;
  name: string;
  issuer: string;
  subject: string;
  /** The OpenID provider's ID token, for its end-session address at sign out. */
  idToken: string | null;
  createdAt: Date;
  seenAt: Date;
  expiresAt: Date;
}

interface Row {
  email: string;
  name: string;
  issuer: string;
  subject: string;
  id_token: string | null;
  created_at: string;
  seen_at: string;
  expires_at: string;
}

export class TeamSessions {
  constructor(private readonly db: Database.Database) {}

  create(hash: string, s: TeamSession): void {
    this.db
      .prepare(
        'INSERT INTO team_session (session_hash, email, name, issuer, subject, id_token, created_at, seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        hash,
        s.email.toLowerCase(),
        s.name,
        s.issuer,
        s.subject,
        s.idToken,
        s.createdAt.toISOString(),
        s.seenAt.toISOString(),
        s.expiresAt.toISOString(),
      );
  }

  get(hash: string): TeamSession | undefined {
    const r = this.db.prepare('SELECT * FROM team_session WHERE session_hash = ?').get(hash) as Row | undefined;
    return (
      r && {
        email: r.email,
        name: r.name,
        issuer: r.issuer,
        subject: r.subject,
        idToken: r.id_token,
        createdAt: new Date(r.created_at),
        seenAt: new Date(r.seen_at),
        expiresAt: new Date(r.expires_at),
      }
    );
  }

  touch(hash: string, at: Date): void {
    this.db.prepare('UPDATE team_session SET seen_at = ? WHERE session_hash = ?').run(at.toISOString(), hash);
  }

  end(hash: string): void {
    this.db.prepare('DELETE FROM team_session WHERE session_hash = ?').run(hash);
  }

  /** How many sessions a person has (tests and the team page). */
  countFor(email: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM team_session WHERE email = ?').get(email.toLowerCase()) as { n: number }).n;
  }
}

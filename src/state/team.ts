// The team (team mode, src/team): who may sign in to the studio, under which role. One row a
// person, keyed by email (lower case). Changes are made through src/team/members.ts, which
// audits each one and keeps at least one admin.
import type Database from 'better-sqlite3';

import type { Role } from '../lifecycle.js';

export { ROLES, type Role } from '../lifecycle.js';

export interface TeamMember {
  email: string;
  name: string;
  role: Role;
  addedAt: Date;
  addedBy: string;
}

/**
 * A person signed in to the team studio: who they are on the team, and the issuer and subject of
 * the verified sign-in (an OpenID provider's, or the studio's own for an email link).
 */
export interface Person {
  email: string;
  name: string;
  role: Role;
  issuer: string;
  subject: string;
}

/** How a person is named in the audit log's actor column: "Priya Shah <priya.shah@example.gov.uk>". */
export const actorOf = (p: Pick<Person, 'name' | 'email'>): string => `${p.name} <${p.email}>`;

/** What the audit log's details record of the person who acted. */
export const personDetails = (p: Person): Record<string, string> => ({
  name: p.name,
  email: p.email,
  issuer: p.issuer,
  subject: p.subject,
});

interface Row {
  email: string;
  name: string;
  role: Role;
  added_at: string;
  added_by: string;
}

const toMember = (r: Row): TeamMember => ({
  email: r.email,
  name: r.name,
  role: r.role,
  addedAt: new Date(r.added_at),
  addedBy: r.added_by,
});

export class TeamMembers {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  get(email: string): TeamMember | undefined {
    const row = this.db.prepare('SELECT * FROM team_member WHERE email = ?').get(email.toLowerCase()) as Row | undefined;
    return row && toMember(row);
  }

  list(): TeamMember[] {
    return (
      this.db
        .prepare(
          "SELECT * FROM team_member ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'publisher' THEN 1 WHEN 'approver' THEN 2 ELSE 3 END, name",
        )
        .all() as Row[]
    ).map(toMember);
  }

  /** Add a person, or change the name and role of one already there. */
  put(m: { email: string; name: string; role: Role }, by: string): void {
    this.db
      .prepare(
        `INSERT INTO team_member (email, name, role, added_at, added_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role`,
      )
      .run(m.email.toLowerCase(), m.name, m.role, this.now().toISOString(), by);
  }

  /** Remove a person and end every session of theirs; true when they were on the team. */
  remove(email: string): boolean {
    const e = email.toLowerCase();
    this.db.prepare('DELETE FROM team_session WHERE email = ?').run(e);
    return this.db.prepare('DELETE FROM team_member WHERE email = ?').run(e).changes > 0;
  }

  admins(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM team_member WHERE role = 'admin'").get() as { n: number }).n;
  }
}

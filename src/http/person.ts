// Who is acting on a request: the one place the studio's publishing steps and the editor's
// presence ask. The server passes `personOf`: in team mode the person signed in (name, email,
// role); in the one-person studio nobody, so it is whoever runs the studio — their login name, as
// the CLI records when `--by` is not given — with no role, so only the lifecycle table judges.
import type { IncomingMessage } from 'node:http';
import { userInfo } from 'node:os';
import type { Role } from '../lifecycle.js';

export interface Person {
  /** As the audit log records it. */
  name: string;
  email?: string;
  /** Undefined in the one-person studio: no role check, as the CLI on the host. */
  role?: Role;
}

/** The person as the audit log's actor column names them: "Priya Shah <priya.shah@example.gov.uk>" (as team mode's `actorOf`), or the name alone. */
export function actorName(p: Person): string {
  return p.email ? `${p.name} <${p.email}>` : p.name;
}

/** How the server learns who sent a request; undefined when it cannot tell. */
export type PersonOf = (req: IncomingMessage) => Person | undefined;

/** The person acting on this request: the one asked by `personOf`, else whoever runs the studio. */
export function actingPerson(req: IncomingMessage, personOf?: PersonOf): Person {
  return personOf?.(req) ?? { name: userInfo().username };
}

// Changing the team: add a person, change their role or name, remove them. The same use cases
// behind `newsletter team` on the host and the studio's team page. Each change is audited in one
// transaction with it; the last admin cannot be removed or made anything less.
import { NewsletterError } from '../errors.js';
import type { Store } from '../state/store.js';
import { type Person, personDetails, ROLES, type Role, type TeamMember } from '../state/team.js';

/** Who changes the team: a signed-in admin, or someone at the host's terminal (their user name). */
export type TeamActor = { person: Person } | { hostUser: string };

const actorName = (a: TeamActor) => ('person' in a ? `${a.person.name} <${a.person.email}>` : a.hostUser);
const actorDetails = (a: TeamActor) => ('person' in a ? { by: personDetails(a.person) } : {});

const EMAIL = /^[^\s@<>()",;:\\[\]]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;

export function validEmail(text: string | undefined | null): string | undefined {
  const email = (text ?? '').trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) && !email.includes('..') ? email : undefined;
}

export function validRole(text: string | undefined | null): Role | undefined {
  return ROLES.find((r) => r === text?.trim().toLowerCase());
}

export interface PersonToAdd {
  email: string;
  name?: string;
  role: string;
}

/** Add someone, or change the name or role of someone on the team already. */
export function putMember(
  store: Store,
  given: PersonToAdd,
  actor: TeamActor,
): { member: TeamMember; change: 'added' | 'changed' | 'same' } {
  const email = validEmail(given.email);
  if (!email) throw new NewsletterError('team', `"${given.email}" is not an email address — write it as name@example.gov.uk`);
  const role = validRole(given.role);
  if (!role) throw new NewsletterError('team', `"${given.role}" is not a role — choose one of ${ROLES.join(', ')}`);
  const name = (given.name ?? '').trim();
  if (name.length > 100 || /[\u0000-\u001f\u007f<>]/.test(name))
    throw new NewsletterError('team', 'the name must be on one line, at most 100 characters, without < or >');
  return store.tx(() => {
    const before = store.team.get(email);
    const shown = name || before?.name || email.split('@')[0]!;
    if (before && before.role === role && before.name === shown) return { member: before, change: 'same' as const };
    if (before?.role === 'admin' && role !== 'admin' && store.team.admins() === 1) throw lastAdmin(email, 'made a ' + role);
    store.team.put({ email, name: shown, role }, actorName(actor));
    store.audit.append({
      actor: actorName(actor),
      action: before ? 'team-change' : 'team-add',
      issue: null,
      hash: null,
      details: { email, name: shown, role, ...(before ? { from: { name: before.name, role: before.role } } : {}), ...actorDetails(actor) },
    });
    return { member: store.team.get(email)!, change: before ? ('changed' as const) : ('added' as const) };
  });
}

/** Remove someone: their sessions end too, so they are refused at their next request. */
export function removeMember(store: Store, given: string, actor: TeamActor): TeamMember {
  const email = validEmail(given) ?? given.trim().toLowerCase();
  return store.tx(() => {
    const before = store.team.get(email);
    if (!before) throw new NewsletterError('team', `${given} is not on the team`);
    if (before.role === 'admin' && store.team.admins() === 1) throw lastAdmin(email, 'removed');
    store.team.remove(email);
    store.audit.append({
      actor: actorName(actor),
      action: 'team-remove',
      issue: null,
      hash: null,
      details: { email, name: before.name, role: before.role, ...actorDetails(actor) },
    });
    return before;
  });
}

function lastAdmin(email: string, what: string): NewsletterError {
  return new NewsletterError('team', `${email} is the team's only admin and cannot be ${what}: no one could manage the team then`, {
    hint: 'add another admin first (`newsletter team add <email> --role admin`), then try again',
  });
}

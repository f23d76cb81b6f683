// Who an editor request is from: the one place the editor asks. Where people sign in (team mode)
// it is the person signed in, whatever the page sent; in the one-person studio it is the name
// typed in "Your name" (the page remembers it and sends it with each request).
import type { IncomingMessage } from 'node:http';
import { actorOf } from '../../state/team.js';
import { signedIn } from '../../team/http/context.js';

export function requestActor(req: IncomingMessage, body: { actor?: string }): string | undefined {
  const person = signedIn(req);
  if (person) return actorOf(person);
  const name = body.actor?.replace(/\s+/g, ' ').trim();
  return name ? name : undefined;
}

/** The person the page may name without asking (the one signed in), or undefined. */
export function pagePerson(req: IncomingMessage): string | undefined {
  const person = signedIn(req);
  return person ? actorOf(person) : undefined;
}

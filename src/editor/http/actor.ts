// Who an editor request is from: the one place the editor asks. In the one-person studio it is
// the name typed in "Your name" (the page remembers it and sends it with each request); where
// people sign in, it is the person signed in, and this is the function that changes.
import type { IncomingMessage } from 'node:http';

export function requestActor(_req: IncomingMessage, body: { actor?: string }): string | undefined {
  const name = body.actor?.replace(/\s+/g, ' ').trim();
  return name ? name : undefined;
}

// The team studio's gate, asked before every route in team mode: readers' routes (archive, feed,
// share links) and the sign-in pages are open; every other route needs a signed-in person on the
// team, and an action needs a role that may do it (src/team/roles.ts). A refusal records nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { htmlPage, redirect } from '../../http/http.js';
import { type IssueStatus, verdictWords } from '../../lifecycle.js';
import { messagePage } from '../../page/frame.js';
import type { Store } from '../../state/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { mayDo, type TeamAction } from '../roles.js';
import { markSignedIn, type TeamContext } from './context.js';
import { notOnTeamPage } from './pages.js';

export interface Guarded {
  /** Readers' and sign-in routes: no sign-in asked. */
  open?: boolean;
  /** The action the route does, checked against the person's role. */
  action?: TeamAction;
}

/** What the gate uses of the server's context. */
interface GateContext {
  ws: Workspace;
  store: Store;
  now: () => Date;
}

/** True when the request may go on to its handler; otherwise the answer has been sent. */
export function passGate(
  c: GateContext,
  team: TeamContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: Guarded,
  issue: string | undefined,
  path: string,
): boolean {
  if (route.open) return true;
  const found = team.sessions.find(req, c.now());
  if (!found.ok) {
    if (found.why === 'removed') {
      const page = notOnTeamPage(
        c.ws.newsletterName(),
        'an address that has been removed from the team',
        c.store.team.list().filter((m) => m.role === 'admin'),
      );
      htmlPage(req, res, page, { status: 403, headers: { 'Set-Cookie': team.sessions.end(req).setCookie } });
      return false;
    }
    const note = found.why === 'expired' ? '&ended=1' : '';
    redirect(req, res, `/auth/sign-in/?return=${encodeURIComponent(path)}${note}`, 303);
    return false;
  }
  markSignedIn(req, found.person, found.hash);
  if (route.action) {
    const status: IssueStatus | undefined = issue === undefined ? undefined : c.store.statuses.get(issue);
    const decision = mayDo(route.action, status, found.person.role);
    if (!decision.ok) {
      htmlPage(req, res, messagePage('You cannot do this', `${verdictWords(decision)} Nothing was done or recorded.`), { status: 403 });
      return false;
    }
  }
  return true;
}

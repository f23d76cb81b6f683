// The team page (team mode only, listed in src/server/routes.ts): everyone sees who is on the
// team; an admin adds a colleague, changes a role or removes someone (the gate has checked the
// role). Each change goes through members.ts, audited; the result is shown after the redirect.
import type { StudioSessions } from '../../http/csrf.js';
import { htmlPage, readForm, redirect, type RequestPath, type RouteHandler } from '../../http/http.js';
import { NewsletterError } from '../../errors.js';
import { messagePage } from '../../page/frame.js';
import type { Store } from '../../state/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { putMember, removeMember } from '../members.js';
import { signedIn, sessionOf, type TeamContext } from './context.js';
import { teamPage } from './pages.js';

/** What these handlers use of the server's context (src/server/route-context.ts, which has it all). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  sessions: Pick<StudioSessions, 'formToken' | 'verify'>;
  team?: TeamContext;
}
type Handler = RouteHandler<RouteContext>;

/** Form pages post with their origin named (a no-referrer page would send "Origin: null"). */
const FORM_PAGE = { forms: true, headers: { 'Referrer-Policy': 'same-origin' } };
const team = (c: RouteContext): TeamContext => c.team!;

export const teamList: Handler = (c, req, res, _params, p: RequestPath) => {
  const person = signedIn(req)!;
  const result = team(c).results.take(sessionOf(req) ?? '', p.query.get('result'));
  const html = teamPage({
    newsletter: c.ws.newsletterName(),
    person,
    token: c.sessions.formToken(sessionOf(req) ?? ''),
    members: c.store.team.list(),
    result,
  });
  htmlPage(req, res, html, FORM_PAGE);
};

/** Add or change (`put`) or remove a person; the gate has checked the role is admin. */
export function teamChange(kind: 'put' | 'remove'): Handler {
  return async (c, req, res) => {
    const form = await readForm(req);
    const verdict = typeof form === 'string' ? undefined : c.sessions.verify(req, form.get('csrf'));
    if (typeof form === 'string' || !verdict?.ok)
      return htmlPage(
        req,
        res,
        messagePage('The studio refused this request', 'Change the team from the team page of the studio; reload it and try again.'),
        { status: 403 },
      );
    const person = signedIn(req)!;
    let text: string;
    let ok = true;
    try {
      if (kind === 'put') {
        const r = putMember(
          c.store,
          { email: form.get('email') ?? '', name: form.get('name') ?? '', role: form.get('role') ?? '' },
          { person },
        );
        text =
          r.change === 'same'
            ? `${r.member.email} is already a ${r.member.role}.`
            : `${r.member.name} (${r.member.email}) is ${r.change === 'added' ? 'on the team as' : 'now'} a ${r.member.role}.`;
      } else {
        const gone = removeMember(c.store, form.get('email') ?? '', { person });
        text = `${gone.name} (${gone.email}) is no longer on the team; their sessions have ended.`;
      }
    } catch (e) {
      if (!(e instanceof NewsletterError)) throw e;
      ok = false;
      text = `Not done: ${e.message}`;
    }
    const ref = team(c).results.put(verdict.session, { ok, text });
    redirect(req, res, `/team/?result=${ref}`, 303);
  };
}

// The team studio's routes (team mode only, listed in src/server/routes.ts): sign in with the
// identity provider or an email link, and sign out (the team page is team-page.ts). Each sign-in starts a new
// session; the address to return to is only ever a path of the studio.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StudioSessions } from '../../http/csrf.js';
import { htmlPage, readForm, redirect, requestPath, type RouteHandler } from '../../http/http.js';
import { messagePage } from '../../page/frame.js';
import type { Store } from '../../state/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import { redeemLink, requestLink } from '../email-links.js';
import type { SignedInIdentity } from '../sessions.js';
import { readCookie } from '../sessions.js';
import { clientOf, fromStudioPage, type TeamContext } from './context.js';
import { linkConfirmPage, notOnTeamPage, signedOutPage, signInPage } from './pages.js';

/** What these handlers use of the server's context (src/server/route-context.ts, which has it all). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  now: () => Date;
  sessions: Pick<StudioSessions, 'formToken' | 'verify'>;
  team?: TeamContext;
}
type Handler = RouteHandler<RouteContext>;

/** Form pages post with their origin named (a no-referrer page would send "Origin: null"). */
const FORM_PAGE = { forms: true, headers: { 'Referrer-Policy': 'same-origin' } };

/** Only a path of the studio itself: never another site, never the sign-in pages again. */
export function safeReturn(text: string | null): string {
  if (!text || !/^\/[\x21-\x7e]*$/.test(text) || text.startsWith('/auth/')) return '/';
  return requestPath(text) ? text : '/';
}

const team = (c: RouteContext): TeamContext => c.team!;
const loginCookie = (t: TeamContext) => (t.config.secure ? '__Host-newsletter_login' : 'newsletter_login');
const cookieFlags = (t: TeamContext) => `Path=/; HttpOnly; SameSite=Lax${t.config.secure ? '; Secure' : ''}`;

export const signIn: Handler = (c, req, res, _params, p) => {
  const t = team(c);
  const ended = p.query.get('ended') === '1' ? 'Your session ended: sign in again.' : undefined;
  const html = signInPage({
    newsletter: c.ws.newsletterName(),
    oidc: Boolean(t.oidc),
    email: Boolean(t.config.emailLinks),
    returnTo: safeReturn(p.query.get('return')),
    note: ended,
    sent: p.query.get('sent') === '1',
  });
  htmlPage(req, res, html, FORM_PAGE);
};

export const login: Handler = async (c, req, res, _params, p) => {
  const t = team(c);
  if (!t.oidc) return redirect(req, res, '/auth/sign-in/', 303);
  let started: { url: string; handle: string };
  try {
    started = await t.oidc.begin(safeReturn(p.query.get('return')), c.now().getTime());
  } catch (e) {
    t.onError(e);
    return htmlPage(
      req,
      res,
      messagePage(
        'Sign-in is not available',
        'The identity provider could not be reached. Try again in a minute; if it goes on, tell whoever runs the studio (its log says why).',
      ),
      { status: 502 },
    );
  }
  redirect(req, res, started.url, 303, { 'Set-Cookie': `${loginCookie(t)}=${started.handle}; ${cookieFlags(t)}; Max-Age=600` });
};

export const callback: Handler = async (c, req, res, _params, p) => {
  const t = team(c);
  if (!t.oidc) return redirect(req, res, '/auth/sign-in/', 303);
  const clear = `${loginCookie(t)}=; ${cookieFlags(t)}; Max-Age=0`;
  let done: Awaited<ReturnType<NonNullable<TeamContext['oidc']>['finish']>>;
  try {
    done = await t.oidc.finish(readCookie(req, loginCookie(t)), p.query, c.now().getTime());
  } catch (e) {
    t.onError(e);
    done = { refused: 'The identity provider could not be reached to finish the sign-in. Try again.' };
  }
  if ('refused' in done) {
    c.store.audit.append({
      actor: 'sign-in',
      action: 'sign-in-refused',
      issue: null,
      hash: null,
      details: { why: done.refused, client: clientOf(req, t.config) },
    });
    return htmlPage(req, res, messagePage('Sign-in refused', `${done.refused} Nothing was signed in. Start again from the sign-in page.`), {
      status: 403,
      headers: { 'Set-Cookie': clear },
    });
  }
  startSession(c, req, res, done.who, done.returnTo, clear);
};

/** Sign the person in if they are on the team; otherwise one plain page saying whom to ask. */
function startSession(
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  who: SignedInIdentity,
  returnTo: string,
  extraCookie?: string,
): void {
  const t = team(c);
  const member = c.store.team.get(who.email);
  const client = clientOf(req, t.config);
  if (!member) {
    c.store.audit.append({
      actor: who.email,
      action: 'sign-in-refused',
      issue: null,
      hash: null,
      details: { why: 'not on the team', email: who.email, issuer: who.issuer, subject: who.subject, client },
    });
    const page = notOnTeamPage(
      c.ws.newsletterName(),
      who.email,
      c.store.team.list().filter((m) => m.role === 'admin'),
    );
    return htmlPage(req, res, page, { status: 403, headers: extraCookie ? { 'Set-Cookie': extraCookie } : {} });
  }
  // Whatever session this browser had ends: a sign-in always makes a new one.
  t.sessions.end(req);
  const session = t.sessions.start({ ...who, name: member.name }, c.now());
  c.store.audit.append({
    actor: `${member.name} <${member.email}>`,
    action: 'sign-in',
    issue: null,
    hash: null,
    details: { email: member.email, issuer: who.issuer, subject: who.subject, client },
  });
  res.setHeader('Set-Cookie', [session.setCookie, ...(extraCookie ? [extraCookie] : [])]);
  redirect(req, res, returnTo, 303);
}

export const emailRequest: Handler = async (c, req, res) => {
  const t = team(c);
  const form = await readForm(req);
  if (typeof form === 'string' || !fromStudioPage(req, t.config) || !t.config.emailLinks || !t.transport)
    return htmlPage(req, res, messagePage('The studio refused this request', 'Ask for a sign-in link from the studio’s sign-in page.'), {
      status: 403,
    });
  const returnTo = safeReturn(form.get('return'));
  const content = c.ws.content();
  const outcome = requestLink(
    c.store,
    {
      studioUrl: t.config.studioUrl,
      newsletter: c.ws.newsletterName(),
      from: content
        ? { name: content.newsletter.sender.name, address: content.newsletter.sender.email }
        : { name: 'Newsletter studio', address: `studio@${new URL(t.config.studioUrl).hostname}` },
      transport: t.transport,
      mac: (purpose, value) => t.sessions.mac(purpose, value),
      onError: t.onError,
    },
    form.get('email'),
    clientOf(req, t.config),
    c.now(),
  );
  if (outcome === 'sent') return redirect(req, res, `/auth/sign-in/?sent=1&return=${encodeURIComponent(returnTo)}`, 303);
  const note =
    outcome === 'limited'
      ? 'Too many sign-in links were asked for. Wait 15 minutes, then ask again.'
      : 'That is not an email address. Write it as name@example.gov.uk.';
  htmlPage(req, res, signInPage({ newsletter: c.ws.newsletterName(), oidc: Boolean(t.oidc), email: true, returnTo, note }), {
    ...FORM_PAGE,
    status: outcome === 'limited' ? 429 : 400,
  });
};

export const linkPage: Handler = (c, req, res, _params, p) => {
  const token = p.query.get('token') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(token))
    return htmlPage(req, res, messagePage('Sign-in link not complete', 'Copy the whole link from the email, or ask for a new one.'), {
      status: 400,
    });
  htmlPage(req, res, linkConfirmPage(c.ws.newsletterName(), token), FORM_PAGE);
};

export const linkSignIn: Handler = async (c, req, res) => {
  const t = team(c);
  const form = await readForm(req);
  if (typeof form === 'string' || !fromStudioPage(req, t.config))
    return htmlPage(req, res, messagePage('The studio refused this request', 'Open the sign-in link from your email again.'), {
      status: 403,
    });
  const r = redeemLink(c.store, (purpose, value) => t.sessions.mac(purpose, value), form.get('token'), c.now());
  if (!r.ok) {
    c.store.audit.append({
      actor: 'sign-in',
      action: 'sign-in-refused',
      issue: null,
      hash: null,
      details: { why: r.why, client: clientOf(req, t.config) },
    });
    return htmlPage(req, res, messagePage('Sign-in link refused', r.why), { status: 403 });
  }
  // The studio itself vouches for an email link: issuer STUDIO_URL, subject the address.
  startSession(c, req, res, { email: r.email, name: r.email, issuer: t.config.studioUrl, subject: r.email }, '/');
};

export const signOut: Handler = async (c, req, res) => {
  const t = team(c);
  const form = await readForm(req);
  if (typeof form === 'string' || !c.sessions.verify(req, form.get('csrf')).ok)
    return htmlPage(req, res, messagePage('The studio refused this request', 'Sign out from a page of the studio.'), { status: 403 });
  const ended = t.sessions.end(req);
  const endSession = await t.oidc?.endSessionUrl(ended.idToken, `${t.config.studioUrl}/auth/signed-out/`);
  htmlPage(req, res, signedOutPage(c.ws.newsletterName(), endSession), { headers: { 'Set-Cookie': ended.setCookie } });
};

export const signedOut: Handler = (c, req, res) => htmlPage(req, res, signedOutPage(c.ws.newsletterName()));

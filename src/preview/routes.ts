// Every route of the preview server, in one place. Studio routes exist only on loopback
// (studio mode); public mode serves the archive of sent issues, share pages and the feed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { studioReportPage } from '../report/studio.js';
import { archivedIssues } from '../site/archive.js';
import { archivePage, atomFeed } from '../site/pages.js';
import { accessibilityStatementPage, withStatementLink } from '../site/accessibility.js';
import { CHECKS } from '../check/registry.js';
import type { Store } from '../state/store.js';
import { type ActionContext, ActionResults, type ActionSettings, runAction } from './actions.js';
import { StudioSessions } from './csrf.js';
import { EMAIL_POLICY, pagePolicy } from './csp.js';
import { EditorState } from './editor-guard.js';
import {
  createIssue,
  draftEmail,
  draftFindings,
  issueEditor,
  newIssueForm,
  previewEdits,
  saveEdits,
  sharedEditor,
} from './editor-routes.js';
import { HTML, notFound, pathTo, readForm, redirect, type RequestPath, securityHeaders, send } from './http.js';
import type { EventHub } from './live.js';
import type { ActionName } from './pages/actions.js';
import { LINK_REFUSED, shareBanner } from './pages/share.js';
import { FAVICON_SVG, messagePage } from './pages/shell.js';
import { studioIndexPage, studioIssuePage } from './pages/studio.js';
import { emailInScheme, parseView } from './pages/view.js';
import { openShareLink } from './share.js';
import { standingOf } from './standing.js';
import type { Workspace } from './workspace.js';

export interface RouteContext {
  ws: Workspace;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  hub: EventHub;
  now: () => Date;
  /** The studio's sessions and form tokens (see csrf.ts), and results waiting to be shown. */
  sessions: StudioSessions;
  results: ActionResults;
  settings: ActionSettings;
  /** The editor's key, files and draft renders (editor-guard.ts). */
  editor: EditorState;
}

export function studioState(): Pick<RouteContext, 'sessions' | 'results' | 'editor'> {
  return { sessions: new StudioSessions(), results: new ActionResults(), editor: new EditorState() };
}

type Handler = (c: RouteContext, req: IncomingMessage, res: ServerResponse, params: string[], p: RequestPath) => Promise<void> | void;
interface Route {
  /** GET routes answer HEAD too. */
  method?: 'GET' | 'POST';
  pattern: string[];
  dir: boolean;
  studioOnly: boolean;
  handle: Handler;
}

const ROUTES: Route[] = [
  { pattern: [], dir: true, studioOnly: false, handle: home },
  { pattern: ['events'], dir: false, studioOnly: true, handle: (c, _q, res) => c.hub.attach(res, securityHeaders()) },
  { pattern: ['issues', ':id'], dir: true, studioOnly: true, handle: studioIssue },
  { pattern: ['issues', ':id', 'email'], dir: false, studioOnly: true, handle: studioEmail },
  // What readers did with a sent issue (report/): aggregate figures, studio only.
  { pattern: ['issues', ':id', 'report'], dir: true, studioOnly: true, handle: issueReport },
  // The actions: studio mode only (so public mode answers 404), each a form post (see csrf.ts).
  { method: 'POST', pattern: ['issues', ':id', 'approve'], dir: false, studioOnly: true, handle: action('approve') },
  { method: 'POST', pattern: ['issues', ':id', 'proof'], dir: false, studioOnly: true, handle: action('proof') },
  { method: 'POST', pattern: ['issues', ':id', 'share'], dir: false, studioOnly: true, handle: action('share') },
  // The editor: studio mode only; its writing requests are JSON, each checked by editor-guard.ts.
  { pattern: ['issues', ':id', 'edit'], dir: true, studioOnly: true, handle: issueEditor },
  { pattern: ['issues', ':id', 'edit', 'draft', ':draft'], dir: false, studioOnly: true, handle: draftEmail },
  { pattern: ['issues', ':id', 'edit', 'findings', ':draft'], dir: false, studioOnly: true, handle: draftFindings },
  { pattern: ['edit', ':file'], dir: true, studioOnly: true, handle: sharedEditor },
  { pattern: ['new-issue'], dir: true, studioOnly: true, handle: newIssueForm },
  { method: 'POST', pattern: ['api', 'edit', 'preview'], dir: false, studioOnly: true, handle: previewEdits },
  { method: 'POST', pattern: ['api', 'edit', 'save'], dir: false, studioOnly: true, handle: saveEdits },
  { method: 'POST', pattern: ['api', 'issues', 'new'], dir: false, studioOnly: true, handle: createIssue },
  { pattern: ['archive'], dir: true, studioOnly: false, handle: archive },
  { pattern: ['archive', ':id'], dir: true, studioOnly: false, handle: archivedIssue },
  { pattern: ['feed.xml'], dir: false, studioOnly: false, handle: feed },
  { pattern: ['accessibility'], dir: true, studioOnly: false, handle: accessibilityStatement },
  { pattern: ['share', ':token'], dir: true, studioOnly: false, handle: sharedIssue },
  {
    pattern: ['favicon.ico'],
    dir: false,
    studioOnly: false,
    handle: (_c, req, res) => send(req, res, { type: 'image/svg+xml', body: FAVICON_SVG, cache: 'no-cache' }),
  },
  {
    pattern: ['robots.txt'],
    dir: false,
    studioOnly: false,
    handle: (_c, req, res) =>
      send(req, res, { type: 'text/plain; charset=utf-8', body: 'User-agent: *\nDisallow: /share/\n', cache: 'no-cache' }),
  },
];

export async function route(c: RouteContext, req: IncomingMessage, res: ServerResponse, p: RequestPath): Promise<void> {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const allowed: string[] = [];
  for (const r of ROUTES) {
    if (r.studioOnly && c.mode !== 'studio') continue;
    if (r.pattern.length !== p.segments.length) continue;
    const params: string[] = [];
    if (!r.pattern.every((part, i) => (part.startsWith(':') ? params.push(p.segments[i]!) > 0 : part === p.segments[i]))) continue;
    if ((r.method ?? 'GET') !== method) {
      allowed.push(r.method === 'POST' ? 'POST' : 'GET, HEAD');
      continue;
    }
    if (r.dir !== p.dir) return r.dir ? redirect(req, res, pathTo(p.segments, true), 301) : notFound(req, res);
    return r.handle(c, req, res, params, p);
  }
  if (allowed.length === 0) return notFound(req, res);
  send(req, res, {
    status: 405,
    type: 'text/plain; charset=utf-8',
    body: `Only ${allowed.join(', ')} ${allowed.length === 1 && allowed[0] === 'POST' ? 'is' : 'are'} served here.\n`,
    headers: { Allow: allowed.join(', ') },
  });
}

function page(
  req: IncomingMessage,
  res: ServerResponse,
  html: string,
  opts: {
    status?: number;
    frames?: boolean;
    connect?: boolean;
    forms?: boolean;
    cache?: 'no-store' | 'no-cache';
    headers?: Record<string, string>;
  } = {},
): void {
  send(req, res, { status: opts.status, type: HTML, body: html, csp: pagePolicy(html, opts), cache: opts.cache, headers: opts.headers });
}

/** Share pages are for the partners who have the link: search engines must not keep them. */
const NOINDEX = { 'X-Robots-Tag': 'noindex, nofollow' };

async function home(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (c.mode === 'public') return redirect(req, res, '/archive/');
  const issues = [];
  for (const issue of c.ws.issues()) issues.push({ issue, standing: (await standingOf(c.ws, c.store, issue.id, c.now()))! });
  page(req, res, studioIndexPage(c.ws.newsletterName(), issues, c.ws.problems('all')), { connect: true });
}

async function studioIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[], p: RequestPath): Promise<void> {
  const issue = c.ws.issue(id!);
  const standing = await standingOf(c.ws, c.store, id!, c.now());
  if (!issue || !standing) return notFound(req, res);
  const shown = await c.ws.render(id!);
  const report = await c.ws.report(id!, c.now());
  const render = shown && { seq: shown.seq, html: shown.rendered.html, text: shown.rendered.text };
  const session = c.sessions.session(req);
  const html = studioIssuePage({
    name: c.ws.newsletterName(),
    entry: { issue, standing },
    view: parseView(p.query),
    render,
    report,
    problems: c.ws.problems(id!),
    actions: { token: c.sessions.formToken(session.id), result: c.results.get(session.id, p.query.get('result')) },
  });
  // A form posted from a page whose policy is no-referrer carries "Origin: null"; same-origin lets
  // the browser name our origin to us (and still to no one else), so the origin check can work.
  const headers: Record<string, string> = {
    'Referrer-Policy': 'same-origin',
    ...(session.setCookie ? { 'Set-Cookie': session.setCookie } : {}),
  };
  page(req, res, html, { frames: true, connect: true, forms: true, headers });
}

/** A studio action: checked for origin and token before anything else, then back to the issue page. */
function action(name: ActionName): Handler {
  return async (c, req, res, [id]) => {
    if (!c.ws.issue(id!)) return notFound(req, res);
    const form = await readForm(req);
    if (typeof form === 'string') {
      const status = form === 'too-large' ? 413 : 415;
      return page(req, res, messagePage('The studio refused this request', 'Send the form from the issue page in the studio.'), { status });
    }
    const verdict = c.sessions.verify(req, form.get('csrf'));
    if (!verdict.ok) {
      const why =
        verdict.why === 'origin'
          ? 'It did not come from a page of this studio, so nothing was done.'
          : 'The form has expired (the studio was restarted) or did not come from this studio, so nothing was done. Reload the issue page and try again.';
      return page(req, res, messagePage('The studio refused this request', why), { status: 403 });
    }
    const result = await runAction(actionContext(c), name, id!, form);
    c.hub.broadcast('change', { issues: [id] }); // other open pages show the new standing
    const ref = c.results.put(verdict.session, result);
    redirect(req, res, `${pathTo(['issues', id!], true)}?result=${ref}#action-result`, 303);
  };
}

function actionContext(c: RouteContext): ActionContext {
  return { paths: c.ws.paths, store: c.store, secret: c.secret, publicUrl: c.ws.publicUrl, now: c.now, settings: c.settings };
}

async function studioEmail(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[], p: RequestPath): Promise<void> {
  const shown = await c.ws.render(id!);
  if (!shown) return notFound(req, res);
  const html = emailInScheme(shown.rendered.html, parseView(p.query).scheme);
  send(req, res, { type: HTML, body: html, csp: EMAIL_POLICY, framed: true });
}

async function issueReport(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  const html = c.ws.issue(id!) && (await studioReportPage(c.ws.newsletterName(), c.ws.paths, c.store, id!, c.now()));
  if (!html) return notFound(req, res);
  page(req, res, html, { cache: 'no-store' });
}

async function archive(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const issues = await archivedIssues(c.ws.paths, content, sentIn(c.store));
  const statement = content.newsletter.accessibility ? STATEMENT_PATH : undefined;
  const back = c.mode === 'studio' ? { href: '/', text: 'Back to all issues in the studio' } : undefined;
  page(req, res, archivePage(content.newsletter, issues, { issue: (id) => `${id}/`, feed: '/feed.xml', statement, back }), {
    cache: 'no-cache',
  });
}

async function archivedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  // Only sent issues are public (a sent snapshot, or sent in the store): a draft is never in the archive.
  const entry = (await archivedIssues(c.ws.paths, c.ws.content(), sentIn(c.store))).find((i) => i.id === id);
  if (!entry) return notFound(req, res);
  // What subscribers received, when it was recorded; otherwise today's render.
  const web = entry.sent ? entry.sent.snapshot.web : (await c.ws.render(id!))?.rendered.web;
  if (web === undefined) return notFound(req, res);
  page(req, res, c.ws.content()?.newsletter.accessibility ? withStatementLink(web, STATEMENT_PATH) : web, { cache: 'no-cache' });
}

const STATEMENT_PATH = '/accessibility/';

async function accessibilityStatement(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const newsletter = c.ws.content()?.newsletter;
  if (!newsletter?.accessibility) return notFound(req, res);
  const links = { archive: '/archive/', publicUrl: `${c.ws.publicUrl}/archive/` };
  page(req, res, accessibilityStatementPage({ ...newsletter, accessibility: newsletter.accessibility }, CHECKS, links), {
    cache: 'no-cache',
  });
}

async function feed(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const body = atomFeed(content.newsletter, await archivedIssues(c.ws.paths, content, sentIn(c.store)), c.ws.publicUrl);
  send(req, res, { type: 'application/atom+xml; charset=utf-8', body, cache: 'no-cache' });
}

async function sharedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [token]: string[]): Promise<void> {
  const link = openShareLink(c.store, c.secret, token!, c.now());
  const issue = link.ok ? c.ws.issue(link.issue) : undefined;
  const current = issue && (await c.ws.render(issue.id));
  if (!link.ok || !issue || !current)
    return page(req, res, messagePage(LINK_REFUSED.title, LINK_REFUSED.message), { status: 403, headers: NOINDEX });
  if (c.store.statuses.get(issue.id) === 'sent') return redirect(req, res, pathTo(['archive', issue.id], true), 302, NOINDEX);
  const shown = await c.ws.render(issue.id, shareBanner(link, current.rendered.hash));
  page(req, res, shown!.rendered.web, { cache: 'no-store', headers: NOINDEX });
}

/** Which issues are sent: the store's word alone (server.ts imports the content folder's records into it). */
const sentIn = (store: Store) => (id: string) => store.statuses.get(id) === 'sent';

// Every route of the preview server, in one place. Studio routes exist only on loopback
// (studio mode); public mode serves the archive of sent issues, share pages and the feed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { archivedIssues } from '../site/archive.js';
import { archivePage, atomFeed } from '../site/pages.js';
import { type IssueStatus, shownStatus } from '../state/status.js';
import type { Store } from '../state/store.js';
import { EMAIL_POLICY, pagePolicy } from './csp.js';
import { HTML, notFound, pathTo, redirect, type RequestPath, securityHeaders, send } from './http.js';
import type { EventHub } from './live.js';
import { LINK_REFUSED, shareBanner } from './pages/share.js';
import { messagePage } from './pages/shell.js';
import { type StudioIssue, studioIndexPage, studioIssuePage } from './pages/studio.js';
import { emailInScheme, parseView } from './pages/view.js';
import { openShareLink } from './share.js';
import type { Workspace } from './workspace.js';

export interface RouteContext {
  ws: Workspace;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  hub: EventHub;
  now: () => Date;
}

type Handler = (c: RouteContext, req: IncomingMessage, res: ServerResponse, params: string[], p: RequestPath) => Promise<void> | void;
interface Route {
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
  { pattern: ['archive'], dir: true, studioOnly: false, handle: archive },
  { pattern: ['archive', ':id'], dir: true, studioOnly: false, handle: archivedIssue },
  { pattern: ['feed.xml'], dir: false, studioOnly: false, handle: feed },
  { pattern: ['share', ':token'], dir: true, studioOnly: false, handle: sharedIssue },
  {
    pattern: ['robots.txt'],
    dir: false,
    studioOnly: false,
    handle: (_c, req, res) =>
      send(req, res, { type: 'text/plain; charset=utf-8', body: 'User-agent: *\nDisallow: /share/\n', cache: 'no-cache' }),
  },
];

export async function route(c: RouteContext, req: IncomingMessage, res: ServerResponse, p: RequestPath): Promise<void> {
  for (const r of ROUTES) {
    if (r.studioOnly && c.mode !== 'studio') continue;
    if (r.pattern.length !== p.segments.length) continue;
    const params: string[] = [];
    if (!r.pattern.every((part, i) => (part.startsWith(':') ? params.push(p.segments[i]!) > 0 : part === p.segments[i]))) continue;
    if (r.dir !== p.dir) return r.dir ? redirect(req, res, pathTo(p.segments, true), 301) : notFound(req, res);
    return r.handle(c, req, res, params, p);
  }
  notFound(req, res);
}

function page(
  req: IncomingMessage,
  res: ServerResponse,
  html: string,
  opts: { status?: number; frames?: boolean; connect?: boolean; cache?: 'no-store' | 'no-cache'; headers?: Record<string, string> } = {},
): void {
  send(req, res, { status: opts.status, type: HTML, body: html, csp: pagePolicy(html, opts), cache: opts.cache, headers: opts.headers });
}

/** Share pages are for the partners who have the link: search engines must not keep them. */
const NOINDEX = { 'X-Robots-Tag': 'noindex, nofollow' };

function statusOf(c: RouteContext, id: string, stored: Map<string, IssueStatus>): StudioIssue | undefined {
  const issue = c.ws.issue(id);
  return issue && { issue, status: shownStatus(issue.status, stored.get(id)) };
}

function home(c: RouteContext, req: IncomingMessage, res: ServerResponse): void {
  if (c.mode === 'public') return redirect(req, res, '/archive/');
  const stored = c.store.statuses.all();
  const issues = c.ws.issues().map((i) => statusOf(c, i.id, stored)!);
  page(req, res, studioIndexPage(c.ws.newsletterName(), issues, c.ws.problems('all')), { connect: true });
}

async function studioIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[], p: RequestPath): Promise<void> {
  const entry = statusOf(c, id!, c.store.statuses.all());
  if (!entry) return notFound(req, res);
  const shown = await c.ws.render(id!);
  const report = await c.ws.report(id!);
  const render = shown && { seq: shown.seq, html: shown.rendered.html, text: shown.rendered.text };
  page(
    req,
    res,
    studioIssuePage({ name: c.ws.newsletterName(), entry, view: parseView(p.query), render, report, problems: c.ws.problems(id!) }),
    { frames: true, connect: true },
  );
}

async function studioEmail(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[], p: RequestPath): Promise<void> {
  const shown = await c.ws.render(id!);
  if (!shown) return notFound(req, res);
  const html = emailInScheme(shown.rendered.html, parseView(p.query).scheme);
  send(req, res, { type: HTML, body: html, csp: EMAIL_POLICY, framed: true });
}

async function archive(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const issues = await archivedIssues(c.ws.paths, content);
  page(req, res, archivePage(content.newsletter, issues, { issue: (id) => `${id}/`, feed: '/feed.xml' }), { cache: 'no-cache' });
}

async function archivedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  // Only sent issues are public (a sent snapshot, or issue.yaml's "sent"): a draft is never in the archive.
  const entry = (await archivedIssues(c.ws.paths, c.ws.content())).find((i) => i.id === id);
  if (!entry) return notFound(req, res);
  // What subscribers received, when it was recorded; otherwise today's render.
  const web = entry.sent ? entry.sent.snapshot.web : (await c.ws.render(id!))?.rendered.web;
  if (web === undefined) return notFound(req, res);
  page(req, res, web, { cache: 'no-cache' });
}

async function feed(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const body = atomFeed(content.newsletter, await archivedIssues(c.ws.paths, content), c.ws.publicUrl);
  send(req, res, { type: 'application/atom+xml; charset=utf-8', body, cache: 'no-cache' });
}

async function sharedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [token]: string[]): Promise<void> {
  const link = openShareLink(c.store, c.secret, token!, c.now());
  const issue = link.ok ? c.ws.issue(link.issue) : undefined;
  const current = issue && (await c.ws.render(issue.id));
  if (!link.ok || !issue || !current)
    return page(req, res, messagePage(LINK_REFUSED.title, LINK_REFUSED.message), { status: 403, headers: NOINDEX });
  if (issue.status === 'sent') return redirect(req, res, pathTo(['archive', issue.id], true), 302, NOINDEX);
  const shown = await c.ws.render(issue.id, shareBanner(link, current.rendered.hash));
  page(req, res, shown!.rendered.web, { cache: 'no-store', headers: NOINDEX });
}

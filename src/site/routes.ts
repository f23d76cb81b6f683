// The public server's routes (served in both modes): the archive of sent issues, each issue's web
// version, the feed, the accessibility statement, and the pages partners open from a share link.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readSentSnapshot } from '../archive/sent.js';
import { CHECKS } from '../check/registry.js';
import { htmlPage as page, notFound, pathTo, redirect, send } from '../http/http.js';
import { LINK_REFUSED, shareBanner } from '../share/banner.js';
import { openShareLink } from '../share/share.js';
import type { Store } from '../state/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { accessibilityStatementPage, withStatementLink } from './accessibility.js';
import { archivedIssues } from './archive.js';
import { withArchiveLink } from './footer.js';
import { messagePage } from '../page/frame.js';
import { archivePage, atomFeed } from './pages.js';

/** What these handlers use of the server's context (src/server/route-context.ts, which has it all). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  now: () => Date;
}

/** Share pages are for the partners who have the link: search engines must not keep them. */
const NOINDEX = { 'X-Robots-Tag': 'noindex, nofollow' };

export async function archive(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const issues = await archivedIssues(c.ws.paths, content, sentIn(c.store));
  const statement = content.newsletter.accessibility ? STATEMENT_PATH : undefined;
  const back = c.mode === 'studio' ? { href: '/', text: 'Back to all issues in the studio' } : undefined;
  page(req, res, archivePage(content.newsletter, issues, { issue: (id) => `${id}/`, feed: '/feed.xml', statement, back }), {
    cache: 'no-cache',
  });
}

export async function archivedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  // Only sent issues are public (a sent snapshot, or sent in the store): a draft is never in the archive.
  const entry = (await archivedIssues(c.ws.paths, c.ws.content(), sentIn(c.store))).find((i) => i.id === id);
  if (!entry) return notFound(req, res);
  // What subscribers received, when it was recorded; otherwise today's render.
  const web = entry.sent ? (await readSentSnapshot(c.ws.paths, entry.id))?.snapshot.web : (await c.ws.render(id!))?.rendered.web;
  if (web === undefined) return notFound(req, res);
  const linked = withArchiveLink(web, '/archive/');
  page(req, res, c.ws.content()?.newsletter.accessibility ? withStatementLink(linked, STATEMENT_PATH) : linked, { cache: 'no-cache' });
}

export async function accessibilityStatement(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const newsletter = c.ws.content()?.newsletter;
  if (!newsletter?.accessibility) return notFound(req, res);
  const links = { archive: '/archive/', publicUrl: `${c.ws.publicUrl}/archive/` };
  page(req, res, accessibilityStatementPage({ ...newsletter, accessibility: newsletter.accessibility }, CHECKS, links), {
    cache: 'no-cache',
  });
}

export async function feed(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const content = c.ws.content();
  if (!content) return notFound(req, res);
  const body = atomFeed(content.newsletter, await archivedIssues(c.ws.paths, content, sentIn(c.store)), c.ws.publicUrl);
  send(req, res, { type: 'application/atom+xml; charset=utf-8', body, cache: 'no-cache' });
}

export async function sharedIssue(c: RouteContext, req: IncomingMessage, res: ServerResponse, [token]: string[]): Promise<void> {
  const link = openShareLink(c.store, c.secret, token!, c.now());
  const issue = link.ok ? c.ws.issue(link.issue) : undefined;
  const current = issue && (await c.ws.render(issue.id));
  if (!link.ok || !issue || !current)
    return page(req, res, messagePage(LINK_REFUSED.title, LINK_REFUSED.message), { status: 403, headers: NOINDEX });
  if (c.store.statuses.get(issue.id) === 'sent') return redirect(req, res, pathTo(['archive', issue.id], true), 302, NOINDEX);
  const shown = await c.ws.render(issue.id, shareBanner(link, current.rendered.hash));
  page(req, res, shown!.rendered.web, { cache: 'no-store', headers: NOINDEX });
}

const STATEMENT_PATH = '/accessibility/';
/** Which issues are sent: the store's word alone (server.ts imports the content folder's records into it). */
const sentIn = (store: Store) => (id: string) => store.statuses.get(id) === 'sent';

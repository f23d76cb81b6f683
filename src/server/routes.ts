// Every route of the preview server, in one place. Studio routes exist only on loopback
// (studio mode); public mode serves the archive of sent issues, share pages and the feed. The
// handlers live with their role: src/studio, src/editor/http, src/site.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createIssue,
  draftEmail,
  draftFindings,
  issueEditor,
  newIssueForm,
  previewEdits,
  saveEdits,
  sharedEditor,
} from '../editor/http/routes.js';
import { editedForm } from '../editor/http/form-route.js';
import { tickByHand } from '../editor/http/checklist-route.js';
import { accessibilityStatement, archive, archivedIssue, feed, sharedIssue } from '../site/routes.js';
import { FAVICON_SVG } from '../page/frame.js';
import { action, home, issueReport, issueReportCsv, studioEmail, studioIssue } from '../studio/routes.js';
import { processedImage } from '../site/picture-route.js';
import { pictureThumbnail, uploadPicture } from '../editor/http/pictures.js';
import { notFound, pathTo, redirect, type RequestPath, securityHeaders, send } from '../http/http.js';
import { type Guarded, passGate } from '../team/http/gate.js';
import * as team from '../team/http/routes.js';
import { teamChange, teamList } from '../team/http/team-page.js';
import { publishConfirm, publishPlan, step } from '../studio/publish-routes.js';
import { editorPresence } from '../editor/http/presence-route.js';
import type { Handler, RouteContext } from './route-context.js';

interface Route extends Guarded {
  /** GET routes answer HEAD too. */
  method?: 'GET' | 'POST';
  pattern: string[];
  dir: boolean;
  studioOnly: boolean;
  /** Only in team mode (`serve --team`): sign-in and the team page. */
  teamOnly?: boolean;
  handle: Handler;
}

const ROUTES: Route[] = [
  { pattern: [], dir: true, studioOnly: false, handle: home },
  { pattern: ['events'], dir: false, studioOnly: true, handle: (c, _q, res) => c.hub.attach(res, securityHeaders()) },
  { pattern: ['issues', ':id'], dir: true, studioOnly: true, handle: studioIssue },
  { pattern: ['issues', ':id', 'email'], dir: false, studioOnly: true, handle: studioEmail },
  // What readers did with a sent issue (src/report): aggregate figures, studio only.
  { pattern: ['issues', ':id', 'report'], dir: true, studioOnly: true, handle: issueReport },
  { pattern: ['issues', ':id', 'report', 'links.csv'], dir: false, studioOnly: true, handle: issueReportCsv },
  // The actions: studio mode only (so public mode answers 404), each a form post (see csrf.ts).
  { method: 'POST', pattern: ['issues', ':id', 'approve'], dir: false, studioOnly: true, action: 'approve', handle: action('approve') },
  { method: 'POST', pattern: ['issues', ':id', 'proof'], dir: false, studioOnly: true, action: 'proof', handle: action('proof') },
  { method: 'POST', pattern: ['issues', ':id', 'share'], dir: false, studioOnly: true, action: 'share', handle: action('share') },
  // The publishing steps (studio/publish-routes.ts): the plan first, then its confirmation; each a form post.
  { pattern: ['issues', ':id', 'publish'], dir: true, studioOnly: true, action: 'publish', handle: publishPlan },
  { method: 'POST', pattern: ['issues', ':id', 'publish'], dir: false, studioOnly: true, action: 'publish', handle: publishConfirm },
  {
    method: 'POST',
    pattern: ['issues', ':id', 'unschedule'],
    dir: false,
    studioOnly: true,
    action: 'unschedule',
    handle: step('unschedule'),
  },
  { method: 'POST', pattern: ['issues', ':id', 'send-now'], dir: false, studioOnly: true, action: 'send-now', handle: step('send-now') },
  {
    method: 'POST',
    pattern: ['issues', ':id', 'import-sent'],
    dir: false,
    studioOnly: true,
    action: 'import-sent',
    handle: step('import-sent'),
  },
  { method: 'POST', pattern: ['issues', ':id', 'report'], dir: false, studioOnly: true, action: 'report', handle: step('report') },
  // The editor: studio mode only; its writing requests are JSON, each checked by editor/http/guard.ts.
  { pattern: ['issues', ':id', 'edit'], dir: true, studioOnly: true, handle: issueEditor },
  { pattern: ['issues', ':id', 'edit', 'draft', ':draft'], dir: false, studioOnly: true, handle: draftEmail },
  { pattern: ['issues', ':id', 'edit', 'findings', ':draft'], dir: false, studioOnly: true, handle: draftFindings },
  { pattern: ['edit', ':file'], dir: true, studioOnly: true, handle: sharedEditor },
  { pattern: ['new-issue'], dir: true, studioOnly: true, handle: newIssueForm },
  { method: 'POST', pattern: ['api', 'edit', 'preview'], dir: false, studioOnly: true, action: 'edit', handle: previewEdits },
  { method: 'POST', pattern: ['api', 'edit', 'save'], dir: false, studioOnly: true, action: 'edit', handle: saveEdits },
  { method: 'POST', pattern: ['api', 'edit', 'form'], dir: false, studioOnly: true, action: 'edit', handle: editedForm },
  { method: 'POST', pattern: ['api', 'checklist'], dir: false, studioOnly: true, action: 'edit', handle: tickByHand },
  { method: 'POST', pattern: ['api', 'edit', 'presence'], dir: false, studioOnly: true, action: 'edit', handle: editorPresence },
  // The editor's pictures (src/editor/http/pictures.ts): a chosen file into the issue's images/, and the form's thumbnails.
  { method: 'POST', pattern: ['api', 'edit', 'picture'], dir: false, studioOnly: true, action: 'edit', handle: uploadPicture },
  { pattern: ['issues', ':id', 'edit', 'picture', ':name'], dir: false, studioOnly: true, handle: pictureThumbnail },
  { method: 'POST', pattern: ['api', 'issues', 'new'], dir: false, studioOnly: true, action: 'new', handle: createIssue },
  { pattern: ['archive'], dir: true, studioOnly: false, open: true, handle: archive },
  { pattern: ['archive', ':id'], dir: true, studioOnly: false, open: true, handle: archivedIssue },
  { pattern: ['feed.xml'], dir: false, studioOnly: false, open: true, handle: feed },
  // Processed pictures by the hash of their bytes (src/images): the studio, share links and the archive.
  { pattern: ['images', ':name'], dir: false, studioOnly: false, open: true, handle: processedImage },
  { pattern: ['accessibility'], dir: true, studioOnly: false, open: true, handle: accessibilityStatement },
  { pattern: ['share', ':token'], dir: true, studioOnly: false, open: true, handle: sharedIssue },
  {
    pattern: ['favicon.ico'],
    dir: false,
    studioOnly: false,
    open: true,
    handle: (_c, req, res) => send(req, res, { type: 'image/svg+xml', body: FAVICON_SVG, cache: 'no-cache' }),
  },
  {
    pattern: ['robots.txt'],
    dir: false,
    studioOnly: false,
    open: true,
    handle: (_c, req, res) =>
      send(req, res, { type: 'text/plain; charset=utf-8', body: 'User-agent: *\nDisallow: /share/\n', cache: 'no-cache' }),
  },
  // Team mode only (src/team/http): sign-in, sign-out and the team.
  { pattern: ['auth', 'sign-in'], dir: true, studioOnly: true, teamOnly: true, open: true, handle: team.signIn },
  { pattern: ['auth', 'login'], dir: false, studioOnly: true, teamOnly: true, open: true, handle: team.login },
  { pattern: ['auth', 'callback'], dir: false, studioOnly: true, teamOnly: true, open: true, handle: team.callback },
  { method: 'POST', pattern: ['auth', 'email'], dir: false, studioOnly: true, teamOnly: true, open: true, handle: team.emailRequest },
  { pattern: ['auth', 'link'], dir: false, studioOnly: true, teamOnly: true, open: true, handle: team.linkPage },
  { method: 'POST', pattern: ['auth', 'link'], dir: false, studioOnly: true, teamOnly: true, open: true, handle: team.linkSignIn },
  { method: 'POST', pattern: ['auth', 'sign-out'], dir: false, studioOnly: true, teamOnly: true, handle: team.signOut },
  { pattern: ['auth', 'signed-out'], dir: true, studioOnly: true, teamOnly: true, open: true, handle: team.signedOut },
  { pattern: ['team'], dir: true, studioOnly: true, teamOnly: true, handle: teamList },
  {
    method: 'POST',
    pattern: ['team', 'put'],
    dir: false,
    studioOnly: true,
    teamOnly: true,
    action: 'team',
    handle: teamChange('put'),
  },
  {
    method: 'POST',
    pattern: ['team', 'remove'],
    dir: false,
    studioOnly: true,
    teamOnly: true,
    action: 'team',
    handle: teamChange('remove'),
  },
];

export async function route(c: RouteContext, req: IncomingMessage, res: ServerResponse, p: RequestPath): Promise<void> {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const allowed: string[] = [];
  for (const r of ROUTES) {
    if (r.studioOnly && c.mode !== 'studio') continue;
    if (r.teamOnly && !c.team) continue;
    if (r.pattern.length !== p.segments.length) continue;
    const params: string[] = [];
    if (!r.pattern.every((part, i) => (part.startsWith(':') ? params.push(p.segments[i]!) > 0 : part === p.segments[i]))) continue;
    if ((r.method ?? 'GET') !== method) {
      allowed.push(r.method === 'POST' ? 'POST' : 'GET, HEAD');
      continue;
    }
    if (r.dir !== p.dir) return r.dir ? redirect(req, res, pathTo(p.segments, true), 301) : notFound(req, res);
    const issue = r.pattern[0] === 'issues' ? params[0] : undefined;
    if (c.team && !passGate(c, c.team, req, res, r, issue, req.url ?? '/')) return;
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

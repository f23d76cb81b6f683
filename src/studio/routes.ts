// The studio's own routes (studio mode only): the list of issues, an issue's page, its email in
// the frame, and the actions posted from it. routes.ts in src/http lists them.
import { issueFileName } from '../files/project-paths.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EditorState } from '../editor/http/guard.js';
import { StudioSessions } from '../http/csrf.js';
import { EMAIL_POLICY } from '../http/csp.js';
import { HTML, htmlPage as page, notFound, pathTo, redirect, type RequestPath, type RouteHandler, send } from '../http/http.js';
import type { EventHub } from '../http/live.js';
import type { Store } from '../state/store.js';
import type { Workspace } from '../workspace/workspace.js';
import { studioReportCsv, studioReportPage } from '../report/studio.js';
import { type ActionContext, ActionResults, type ActionSettings, runAction } from './actions.js';
import type { ActionName } from './pages/actions.js';
import { studioIndexPage, studioIssuePage } from './pages/studio.js';
import { emailInScheme, parseView } from './pages/view.js';
import { standingOf } from './standing.js';
import { stepsFor } from './publish-routes.js';
import { readPostedForm } from './posted-form.js';
import { presenceLine } from './pages/presence.js';
import { actingPerson, type PersonOf } from '../http/person.js';
import { StepResults } from './steps.js';
import { auditChainWords } from '../workflow/audit-words.js';
import { signedIn } from '../team/http/context.js';
import { teamBar } from '../team/http/pages.js';
import { readChecklist } from '../workflow/checklist.js';

/** What these handlers use of the server's context (src/server/route-context.ts, which has it all). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  hub: EventHub;
  now: () => Date;
  sessions: Pick<StudioSessions, 'session' | 'formToken' | 'verify'>;
  results: ActionResults;
  settings: ActionSettings;
  editor: EditorState;
  stepResults: StepResults;
  personOf?: PersonOf;
}
type Handler = RouteHandler<RouteContext>;

export function studioState(): Pick<RouteContext, 'sessions' | 'results' | 'editor' | 'stepResults'> {
  return { sessions: new StudioSessions(), results: new ActionResults(), editor: new EditorState(), stepResults: new StepResults() };
}

export async function home(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (c.mode === 'public') return redirect(req, res, '/archive/');
  const issues = [];
  for (const issue of c.ws.issues()) issues.push({ issue, standing: (await standingOf(c.ws, c.store, issue.id, c.now()))! });
  const chain = c.store.audit.verify();
  const warning = chain.intact ? undefined : auditChainWords(chain);
  page(req, res, studioIndexPage(c.ws.newsletterName(), issues, c.ws.problems('all'), personBar(c, req), warning), {
    connect: true,
    // Team mode: the sign-out form posts from here, naming our origin.
    forms: signedIn(req) !== undefined,
    headers: signedIn(req) ? { 'Referrer-Policy': 'same-origin' } : {},
  });
  // The list is answered; the drafts' pages will be asked for next.
  res.once('finish', () => void c.ws.renderInBackground());
}

export async function studioIssue(
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  [id]: string[],
  p: RequestPath,
): Promise<void> {
  const issue = c.ws.issue(id!);
  const standing = await standingOf(c.ws, c.store, id!, c.now());
  if (!issue || !standing) return notFound(req, res);
  const shown = await c.ws.render(id!);
  // A live-reload swap gets the new email at once and the findings after: if the checks of this
  // render are not done, the page says they are running, and open pages are told when they are.
  const now = c.now();
  const swap = req.headers['x-studio-swap'] === '1' && shown !== undefined;
  const report = swap ? c.ws.reportIfDone(shown.seq, now) : await c.ws.report(id!, now);
  if (swap && !report)
    res.once('finish', () =>
      c.ws.report(id!, now).then(
        () => c.hub.broadcast('change', { issues: [id] }),
        () => undefined,
      ),
    );
  const render = shown && { seq: shown.seq, html: shown.rendered.html, text: shown.rendered.text };
  const session = c.sessions.session(req);
  const html = studioIssuePage({
    name: c.ws.newsletterName(),
    entry: { issue, standing },
    view: parseView(p.query),
    render,
    report,
    checking: !report && shown !== undefined,
    swap,
    problems: c.ws.problems(id!),
    checklist: standing.status === 'sent' || standing.status === 'sending' ? [] : await readChecklist(c.ws.paths.content, id!),
    editorToken: c.editor.token,
    actions: { token: c.sessions.formToken(session.id), result: c.results.get(session.id, p.query.get('result')) },
    steps: stepsFor(c, req, id!, standing.status, p),
    presence: presenceLine(id!, othersEditing(c, req, id!)),
    bar: personBar(c, req),
  });
  // A form posted from a page whose policy is no-referrer carries "Origin: null"; same-origin lets
  // the browser name our origin to us (and still to no one else), so the origin check can work.
  const headers: Record<string, string> = {
    'Referrer-Policy': 'same-origin',
    ...(session.setCookie ? { 'Set-Cookie': session.setCookie } : {}),
  };
  page(req, res, html, { frames: true, connect: true, forms: true, headers });
}

/** Who has the issue's editor open, but for the person looking. */
function othersEditing(c: RouteContext, req: IncomingMessage, id: string) {
  const me = actingPerson(req, c.personOf).name;
  return c.editor.presence.editing(issueFileName(id!), c.now()).filter((p) => p.name !== me);
}

/** A studio action: checked for origin and token before anything else, then back to the issue page. */
export function action(name: ActionName): Handler {
  return async (c, req, res, [id]) => {
    if (!c.ws.issue(id!)) return notFound(req, res);
    const posted = await readPostedForm(c.sessions, req, res);
    if (!posted) return;
    const { form, session } = posted;
    const result = await runAction({ ...actionContext(c), person: signedIn(req) }, name, id!, form);
    c.hub.broadcast('change', { issues: [id] }); // other open pages show the new standing
    const ref = c.results.put(session, result);
    redirect(req, res, `${pathTo(['issues', id!], true)}?result=${ref}#action-result`, 303);
  };
}

/** Team mode: who is signed in, with the sign-out form. */
function personBar(c: RouteContext, req: IncomingMessage) {
  const person = signedIn(req);
  return person && teamBar(person, c.sessions.formToken(c.sessions.session(req).id));
}

function actionContext(c: RouteContext): ActionContext {
  return { paths: c.ws.paths, store: c.store, secret: c.secret, publicUrl: c.ws.publicUrl, now: c.now, settings: c.settings };
}

export async function studioEmail(
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  [id]: string[],
  p: RequestPath,
): Promise<void> {
  const shown = await c.ws.render(id!);
  if (!shown) return notFound(req, res);
  const html = emailInScheme(shown.rendered.html, parseView(p.query).scheme);
  send(req, res, { type: HTML, body: html, csp: EMAIL_POLICY, framed: true });
}

/** What readers did with a sent issue: aggregate figures, studio only. */
export async function issueReport(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  const html = c.ws.issue(id!) && (await studioReportPage(c.ws.newsletterName(), c.ws.paths, c.store, id!, c.now()));
  if (!html) return notFound(req, res);
  page(req, res, html, { cache: 'no-store' });
}

/** The clicks per link of a sent issue as CSV, as `newsletter report <id> --csv` prints them: a download. */
export async function issueReportCsv(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id]: string[]): Promise<void> {
  const csv = c.ws.issue(id!) && (await studioReportCsv(c.ws.paths, c.store, id!, c.now()));
  if (!csv) return notFound(req, res);
  send(req, res, {
    type: 'text/csv; charset=utf-8',
    body: csv,
    cache: 'no-store',
    headers: { 'Content-Disposition': `attachment; filename="${id}-links.csv"` },
  });
}

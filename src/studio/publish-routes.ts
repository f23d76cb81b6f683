// The studio's publishing steps: the plan page (GET /issues/<id>/publish/), its confirmation, and
// unschedule, send now, import-sent and report refresh (POST /issues/<id>/<step>). Every post is
// checked for origin and form token first, then for the person's role (the lifecycle table's
// `decide`), then run by the CLI's own use case, which refuses what the table does not allow.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StudioSessions } from '../http/csrf.js';
import { htmlPage as page, notFound, pathTo, redirect, type RequestPath, type RouteHandler } from '../http/http.js';
import type { EventHub } from '../http/live.js';
import { actingPerson, type Person, type PersonOf } from '../http/person.js';
import { decide, type IssueStatus, verdictWords } from '../lifecycle.js';
import { messagePage } from '../page/frame.js';
import type { Html } from '../page/html.js';
import type { Store } from '../state/store.js';
import type { Workspace } from '../workspace/workspace.js';
import type { ActionSettings } from './actions.js';
import { type OfferedSteps, planPage, stepsPanel } from './pages/publish.js';
import { readPostedForm } from './posted-form.js';
import { confirmPublish, planToPublish, runStep, type StepContext, type StepName, StepResults } from './steps.js';

/** What these handlers use of the server's context (src/server/route-context.ts has it all). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  hub: EventHub;
  now: () => Date;
  sessions: Pick<StudioSessions, 'session' | 'formToken' | 'verify'>;
  settings: ActionSettings;
  stepResults: StepResults;
  personOf?: PersonOf;
}
type Handler = RouteHandler<RouteContext>;

const stepContext = (c: RouteContext): StepContext => ({ paths: c.ws.paths, store: c.store, now: c.now, env: c.settings.env });

/** The steps this person may take on this issue now: the table allows them, and there is something for each to do. */
export function offeredSteps(store: Store, id: string, status: IssueStatus, person: Person): OfferedSteps {
  const may = (step: StepName) => decide(step, status, person.role).ok;
  const due = store.dueSends.get(id);
  return {
    ...(may('publish') ? { publish: true } : {}),
    ...(may('unschedule') && (status === 'scheduled' || status === 'needs-attention') ? { unschedule: true } : {}),
    ...(may('send-now') && due && due.state !== 'done' ? { 'send-now': true } : {}),
    ...(may('import-sent') && !store.statuses.known(id) ? { 'import-sent': true } : {}),
    // Only an issue sent through Mailchimp by the tool has a campaign whose report can be read.
    ...(may('report') && store.campaigns.get(id)?.campaignId ? { report: true } : {}),
  };
}

/** The issue page's "Publishing" part, with the result of the step just taken (?step=<ref>). */
export function stepsFor(c: RouteContext, req: IncomingMessage, id: string, status: IssueStatus, p: RequestPath): Html {
  const session = c.sessions.session(req).id;
  const offered = offeredSteps(c.store, id, status, actingPerson(req, c.personOf));
  return stepsPanel(id, offered, c.sessions.formToken(session), c.stepResults.get(session, p.query.get('step')));
}

/** The plan, in plain words, before anything changes; its form confirms exactly this plan. */
export const publishPlan: Handler = async (c, req, res, [id]) => {
  const issue = c.ws.issue(id!);
  if (!issue) return notFound(req, res);
  const person = actingPerson(req, c.personOf);
  const role = roleRefusal(c, id!, 'publish', person);
  if (role) return page(req, res, messagePage('You cannot publish this issue', role), { status: 403 });
  await showPlan(c, req, res, id!, person);
};

async function showPlan(c: RouteContext, req: IncomingMessage, res: ServerResponse, id: string, person: Person, changed?: string[]) {
  const session = c.sessions.session(req);
  const plan = await planToPublish(stepContext(c), id, person);
  const html = planPage({
    name: c.ws.newsletterName(),
    id,
    subject: c.ws.issue(id)?.subject ?? id,
    plan: 'plan' in plan ? plan.plan : plan,
    token: c.sessions.formToken(session.id),
    ...(changed ? { changed: { step: 'publish', ok: false, lines: changed } } : {}),
  });
  const headers: Record<string, string> = {
    'Referrer-Policy': 'same-origin',
    ...(session.setCookie ? { 'Set-Cookie': session.setCookie } : {}),
  };
  page(req, res, html, { forms: true, cache: 'no-store', headers, status: changed ? 409 : 200 });
}

/** The confirmation: refused, and the plan shown again as it is now, when it is not the plan the person saw. */
export const publishConfirm: Handler = async (c, req, res, [id]) => {
  const checked = await checkedPost(c, req, res, id!, 'publish');
  if (!checked) return;
  const { form, session, person } = checked;
  const result = await confirmPublish(stepContext(c), id!, person, form.get('plan') ?? '');
  c.hub.broadcast('change', { issues: [id] });
  if (result.stale) return showPlan(c, req, res, id!, person, result.lines);
  back(c, req, res, id!, session, result);
};

/** Unschedule, send now, import-sent, report refresh. */
export function step(name: Exclude<StepName, 'publish'>): Handler {
  return async (c, req, res, [id]) => {
    const checked = await checkedPost(c, req, res, id!, name);
    if (!checked) return;
    const result = await runStep(stepContext(c), name, id!, checked.person);
    c.hub.broadcast('change', { issues: [id] });
    back(c, req, res, id!, checked.session, result);
  };
}

function back(
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  session: string,
  result: import('./steps.js').StepResult,
) {
  const ref = c.stepResults.put(session, result);
  redirect(req, res, `${pathTo(['issues', id], true)}?step=${ref}#step-result`, 303);
}

function roleRefusal(c: RouteContext, id: string, step: StepName, person: Person): string | undefined {
  if (person.role === undefined) return undefined; // the one-person studio: the use case judges the status
  const verdict = decide(step, c.store.statuses.get(id), person.role, id);
  return verdict.ok ? undefined : verdictWords(verdict);
}

/** A step's form, checked for origin and token, and the person for their role, before anything else. */
async function checkedPost(c: RouteContext, req: IncomingMessage, res: ServerResponse, id: string, name: StepName) {
  if (!c.ws.issue(id)) return notFound(req, res);
  const posted = await readPostedForm(c.sessions, req, res);
  if (!posted) return undefined;
  const person = actingPerson(req, c.personOf);
  const refused = roleRefusal(c, id, name, person);
  if (refused) return page(req, res, messagePage('The studio refused this request', `${refused} Nothing was done.`), { status: 403 });
  return { ...posted, person };
}

// Publishing from the studio over raw HTTP, against the Mailchimp stand-in: the plan is shown
// first and changes nothing; a confirmation schedules exactly once, even when sent twice at once;
// a confirmation of a plan that has changed since is refused and the plan shown again; unschedule,
// send now and import-sent are refused in the CLI's words; a writer may not publish.
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { publish } from '../../src/publish/publish.js';
import { approve } from '../../src/workflow/approve.js';
import { envFor } from '../publish/fixture.js';
import { addCleanDraft, rawRequest, type Running, runPreview, studioSession } from '../helpers/preview-server.js';

const DRAFT = '2022-05'; // passes every check; sendAt 2022-04-05 09:00 (BST)
const NOW = new Date('2022-03-30T09:00:00Z');
const clock = { now: NOW };
let standin: Standin;
let run: Running;
let writer: Running;

beforeAll(async () => {
  standin = await startStandin({ now: () => clock.now });
  run = await runPreview('studio', (p) => addCleanDraft(p, DRAFT), { env: envFor(standin) });
  run.clock.now = NOW;
  await approve(run.project.paths, run.store, { id: DRAFT, by: 'Ann Chair', now: () => NOW });
  writer = await runPreview('studio', (p) => addCleanDraft(p, DRAFT), {
    env: envFor(standin),
    personOf: () => ({ name: 'Wendy Writer', email: 'wendy@example.org', role: 'writer' }),
  });
  writer.clock.now = NOW;
  await approve(writer.project.paths, writer.store, { id: DRAFT, by: 'Ann Chair', now: () => NOW });
});
afterAll(async () => {
  await run?.stop();
  await writer?.stop();
  await standin?.stop();
});

const FORM = 'application/x-www-form-urlencoded';
const writes = () => standin.requests.filter((r) => r.method !== 'GET');
const schedules = () => standin.requests.filter((r) => r.operationId === 'postCampaignsIdActionsSchedule');
const campaigns = () => [...standin.account.campaigns.values()].filter((c) => c.settings.title === `panel-newsletter:${DRAFT}`);

async function post(on: Running, step: string, fields: Record<string, string>, session?: { cookie: string; token: string }) {
  const s = session ?? (await studioSession(on.url, DRAFT));
  return rawRequest(
    on.url,
    'POST',
    `/issues/${DRAFT}/${step}`,
    { 'content-type': FORM, origin: on.url, cookie: s.cookie },
    new URLSearchParams({ csrf: s.token, ...fields }).toString(),
  );
}

/** The plan page as the person sees it, with the fingerprint its form carries. */
async function planPage(on: Running) {
  const s = await studioSession(on.url, DRAFT);
  const r = await rawRequest(on.url, 'GET', `/issues/${DRAFT}/publish/`, { cookie: s.cookie });
  return { ...r, session: s, plan: /name="plan" value="([^"]+)"/.exec(r.body)?.[1] ?? '' };
}

/** Follow the redirect back to the issue page, and read the step's result on it. */
async function resultOf(on: Running, reply: { status: number; headers: Record<string, unknown> }, cookie: string) {
  expect(reply.status).toBe(303);
  const page = await rawRequest(on.url, 'GET', String(reply.headers.location).replace(/#.*/, ''), { cookie });
  const region = /<div id="step-result"[^>]*>([\s\S]*?)<\/div>/.exec(page.body)?.[1] ?? '';
  return region
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('publishing from the studio', () => {
  it('offers Publish on an approved issue, and shows the plan in plain words without changing anything', async () => {
    const issue = await rawRequest(run.url, 'GET', `/issues/${DRAFT}/`);
    expect(issue.body).toContain('href="/issues/2022-05/publish/"');
    expect(issue.body).not.toContain('action="/issues/2022-05/unschedule"'); // not scheduled
    expect(issue.body).not.toContain('action="/issues/2022-05/import-sent"'); // the store knows it
    const before = standin.requests.length;
    const shown = await planPage(run);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Mailchimp has no campaign for 2022-05 yet.');
    expect(shown.body).toMatch(/It goes to the audience &quot;[^&]+&quot; \(\d[\d,]* subscribed members?\)\./);
    expect(shown.body).toContain('It is to be sent on <strong>5 April 2022 at 9am (BST)</strong>, UK time.');
    expect(shown.body).toContain('create the campaign &quot;panel-newsletter:2022-05&quot;');
    expect(shown.body).toContain('set the content (HTML and plain text) to the approved issue');
    expect(shown.body).toMatch(/schedule for 5 April 2022 at 9am \(BST\)/);
    expect(shown.plan).toMatch(/^[\w-]{43}$/);
    expect(standin.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expect(campaigns()).toHaveLength(0);
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
  });

  it('schedules exactly once when the confirmation is sent twice at once', async () => {
    const shown = await planPage(run);
    const [a, b] = await Promise.all([
      post(run, 'publish', { plan: shown.plan }, shown.session),
      post(run, 'publish', { plan: shown.plan }, shown.session),
    ]);
    expect(campaigns()).toHaveLength(1);
    expect(schedules()).toHaveLength(1);
    expect(run.store.statuses.get(DRAFT)).toBe('scheduled');
    const [done, other] =
      a.status === 303 && (await resultOf(run, a, shown.session.cookie)).startsWith('2022-05 is scheduled') ? [a, b] : [b, a];
    expect(await resultOf(run, done, shown.session.cookie)).toMatch(
      /^2022-05 is scheduled in Mailchimp for 5 April 2022 at 9am \(BST\): campaign \w+, content [0-9a-f]{12}\. Next: Mailchimp sends it then/,
    );
    // The other was refused: the issue was held by the first, or its plan had changed by then.
    const refused = other.status === 303 ? await resultOf(run, other, shown.session.cookie) : other.body;
    expect(refused).toMatch(/Not done: 2022-05 is being changed now|The plan for 2022-05 changed after you saw it/);
  });

  it('refuses a plan that changed since it was shown, changes nothing, and shows the plan as it is now', async () => {
    // A plan seen while the issue was scheduled; then someone unschedules it from the CLI's use case.
    const seen = await planPage(run);
    expect(seen.body).toContain('Nothing will change in Mailchimp');
    const unscheduled = await post(run, 'unschedule', {}, seen.session);
    expect(await resultOf(run, unscheduled, seen.session.cookie)).toMatch(
      /^Campaign \w+ is no longer scheduled; 2022-05 is approved\. Next: Edit it if it needs changing, approve it again, then publish it again/,
    );
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    const before = writes().length;
    const stale = await post(run, 'publish', { plan: seen.plan }, seen.session);
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Not done: The plan for 2022-05 changed after you saw it, so nothing was changed in Mailchimp');
    expect(stale.body).toMatch(/schedule for 5 April 2022 at 9am/); // shown again, as it is now
    expect(writes().length).toBe(before);
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    // A forged or empty fingerprint is as stale as an old one.
    expect((await post(run, 'publish', { plan: '' })).status).toBe(409);
    expect(writes().length).toBe(before);
    // The plan shown again is the one that is confirmed.
    const again = /name="plan" value="([^"]+)"/.exec(stale.body)![1]!;
    expect((await post(run, 'publish', { plan: again }, seen.session)).status).toBe(303);
    expect(run.store.statuses.get(DRAFT)).toBe('scheduled');
    expect(campaigns()).toHaveLength(1);
  });

  it('refuses, in the CLI’s words, what the lifecycle or the store does not allow, and records nothing', async () => {
    const s = await studioSession(run.url, DRAFT);
    const audit = run.store.audit.list(DRAFT).length;
    expect(await resultOf(run, await post(run, 'import-sent', {}, s), s.cookie)).toBe(
      'Not done: 2022-05 has been through this tool (it is scheduled), so it was not sent before it — nothing was recorded An issue the tool sends is recorded when Mailchimp reports it sent; see `newsletter status 2022-05`',
    );
    expect(await resultOf(run, await post(run, 'send-now', {}, s), s.cookie)).toContain(
      'Not done: 2022-05 has no due send; give it one first with `newsletter publish 2022-05 --send-at`',
    );
    expect(await resultOf(run, await post(run, 'report', {}, s), s.cookie)).toBe(
      'Not done: 2022-05 has not been sent, so there is no report of it yet Its report is there once it has gone out',
    );
    expect(run.store.audit.list(DRAFT).length).toBe(audit);
    expect(run.store.statuses.get(DRAFT)).toBe('scheduled');
  });

  it('a writer sees no publishing steps, and a writer’s POST is refused with 403 in plain words', async () => {
    const page = await rawRequest(writer.url, 'GET', `/issues/${DRAFT}/`);
    expect(page.body).not.toContain('/issues/2022-05/publish/');
    const plan = await rawRequest(writer.url, 'GET', `/issues/${DRAFT}/publish/`);
    expect(plan.status).toBe(403);
    const before = writes().length;
    for (const step of ['publish', 'unschedule', 'send-now', 'import-sent', 'report']) {
      const r = await post(writer, step, { plan: 'x' });
      expect(r.status, step).toBe(403);
      expect(r.body).toContain('Only a publisher or above may do this: you are a writer');
    }
    expect(writes().length).toBe(before);
    expect(writer.store.statuses.get(DRAFT)).toBe('approved');
  });

  it('the CLI’s publish and the studio’s agree: a scheduled issue offers Unschedule, and Publish shows nothing to do', async () => {
    const page = await rawRequest(run.url, 'GET', `/issues/${DRAFT}/`);
    expect(page.body).toContain('action="/issues/2022-05/unschedule"');
    const args = { id: DRAFT, dryRun: true, by: 'Ann Chair', now: () => NOW, env: envFor(standin), progress: () => undefined };
    const r = await publish(run.project.paths, run.store, args);
    expect(r.plan.steps).toEqual([]);
    expect((await planPage(run)).body).toContain('Nothing will change in Mailchimp');
  });

  it('a Mailchimp failure part-way is said in plain words, leaves the issue unscheduled, and the next plan finishes it', async () => {
    const s = await studioSession(run.url, DRAFT);
    await resultOf(run, await post(run, 'unschedule', {}, s), s.cookie);
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    const shown = await planPage(run);
    standin.faults.inject('500', { operation: 'postCampaignsIdActionsSchedule', times: 20 });
    const before = schedules().length;
    const failed = await resultOf(run, await post(run, 'publish', { plan: shown.plan }, shown.session), shown.session.cookie);
    standin.faults.clear();
    expect(failed).toMatch(/^Not done: scheduling campaign \w+: it is not known whether Mailchimp did it .* Next: Review the plan again/);
    expect(failed).not.toMatch(/\bat \S+\.(ts|js):\d+/); // no stack trace
    expect(run.store.statuses.get(DRAFT)).toBe('approved');
    expect([...standin.account.campaigns.values()].find((c) => c.settings.title === 'panel-newsletter:2022-05')?.status).toBe('save');
    const again = await planPage(run);
    expect(again.body).toMatch(/<li>schedule for 5 April 2022 at 9am/);
    expect(again.body).not.toContain('create the campaign');
    const done = await resultOf(run, await post(run, 'publish', { plan: again.plan }, again.session), again.session.cookie);
    expect(done).toMatch(/^2022-05 is scheduled in Mailchimp/);
    expect(run.store.statuses.get(DRAFT)).toBe('scheduled');
    expect(campaigns()).toHaveLength(1);
    expect(schedules().length - before).toBeGreaterThanOrEqual(2); // the failed tries, then the one that worked
    expect(standin.account.campaigns.get(campaigns()[0]!.id)?.status).toBe('schedule');
  });
});

describe('an issue sent before the tool', () => {
  let fresh: Running;
  beforeAll(async () => {
    fresh = await runPreview('studio', (p) => addCleanDraft(p, DRAFT), { env: envFor(standin) });
    fresh.clock.now = new Date('2022-04-10T09:00:00Z'); // after its sendAt, 5 April
  });
  afterAll(() => fresh?.stop());

  it('is offered "Record as sent before the tool", recorded naming the person, and says what comes next', async () => {
    const page = await rawRequest(fresh.url, 'GET', `/issues/${DRAFT}/`);
    expect(page.body).toContain('action="/issues/2022-05/import-sent"');
    expect(page.body).not.toContain('href="/issues/2022-05/publish/"'); // a draft is not published
    const s = await studioSession(fresh.url, DRAFT);
    expect(await resultOf(fresh, await post(fresh, 'import-sent', {}, s), s.cookie)).toMatch(
      /^2022-05 is recorded as sent on 5 April 2022 at 9am \(BST\), from today's render, in content\/issues\/2022-05\/sent\/; the audit log names you\. Next: Its public page is \/archive\/2022-05\/\./,
    );
    expect(fresh.store.statuses.get(DRAFT)).toBe('sent');
    expect(fresh.store.audit.list(DRAFT).map((e) => [e.actor, e.action])).toEqual([[userInfo().username, 'import-sent']]);
    const after = await rawRequest(fresh.url, 'GET', `/issues/${DRAFT}/`);
    expect(after.body).not.toContain('action="/issues/2022-05/import-sent"');
    expect(after.body).not.toContain('action="/issues/2022-05/report"'); // no campaign to read
  });
});

// Team mode: a publisher, signed in, schedules the issue from the browser's forms and the audit
// log names them; a writer sees no publishing steps, and the gate refuses a writer's plan page and
// every publishing POST in plain words, recording nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { putMember } from '../../src/team/members.js';
import { approve } from '../../src/workflow/approve.js';
import { envFor } from '../publish/fixture.js';
import { startTeamStudio, type TeamStudio } from './team-studio.js';

const DRAFT = '2022-05';
const NOW = new Date('2022-03-30T09:00:00Z');
const PAT = { email: 'pat@example.gov.uk', name: 'Pat Publisher', role: 'publisher' } as const;
let standin: Standin;
let s: TeamStudio;

beforeAll(async () => {
  standin = await startStandin({ now: () => NOW });
  s = await startTeamStudio(envFor(standin));
  s.clock.now = NOW;
  putMember(s.store, PAT, { hostUser: 'test' });
  await approve(s.project.paths, s.store, { id: DRAFT, by: 'Priya Shah', now: () => NOW });
}, 30_000);
afterAll(async () => {
  await s?.stop();
  await standin?.stop();
});

const writes = () => standin.requests.filter((r) => r.method !== 'GET').length;

describe('publishing in team mode', () => {
  it('a writer sees no steps and is refused the plan and every step, with nothing recorded', async () => {
    const wren = s.sessionFor('wren@example.gov.uk');
    expect((await s.get(`/issues/${DRAFT}/`, wren)).body).not.toContain(`/issues/${DRAFT}/publish/`);
    const plan = await s.get(`/issues/${DRAFT}/publish/`, wren);
    expect(plan.status).toBe(403);
    expect(plan.body).toContain('Only a publisher or above may do this: you are a writer');
    const csrf = await s.formToken(wren, `/issues/${DRAFT}/`);
    const audit = s.store.audit.list(DRAFT).length;
    for (const step of ['publish', 'unschedule', 'send-now', 'import-sent', 'report']) {
      const r = await s.post(wren, `/issues/${DRAFT}/${step}`, { csrf, plan: 'x' });
      expect(r.status, step).toBe(403);
      expect(r.body).toContain('Only a publisher or above may do this: you are a writer');
    }
    expect(s.store.audit.list(DRAFT).length).toBe(audit);
    expect(writes()).toBe(0);
  });

  it('a signed-in publisher reviews the plan, confirms it, and the audit log names them', async () => {
    const pat = s.sessionFor(PAT.email);
    expect((await s.get(`/issues/${DRAFT}/`, pat)).body).toContain(`href="/issues/${DRAFT}/publish/"`);
    const plan = await s.get(`/issues/${DRAFT}/publish/`, pat);
    expect(plan.status).toBe(200);
    expect(plan.body).toContain('It is to be sent on <strong>5 April 2022 at 9am (BST)</strong>, UK time.');
    const csrf = /name="csrf" value="([^"]+)"/.exec(plan.body)![1]!;
    const fingerprint = /name="plan" value="([^"]+)"/.exec(plan.body)![1]!;
    const r = await s.post(pat, `/issues/${DRAFT}/publish`, { csrf, plan: fingerprint });
    expect(r.status).toBe(303);
    expect(s.store.statuses.get(DRAFT)).toBe('scheduled');
    const actors = new Set(
      s.store.audit
        .list(DRAFT)
        .filter((e) => e.action !== 'approve')
        .map((e) => e.actor),
    );
    expect(actors.has('Pat Publisher <pat@example.gov.uk>')).toBe(true);
    const back = await s.get(String(r.headers.location).replace(/#.*/, ''), pat);
    expect(back.body).toMatch(/2022-05 is scheduled in Mailchimp for 5 April 2022 at 9am \(BST\)/);
  });
});

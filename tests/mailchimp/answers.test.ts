// The stand-in's answers are held to the spec's response schema for the operation and status
// code. An answer off the spec is a bug in the stand-in: it becomes a 500 that names the
// operation and the field, and the same handler with validation off answers as it was written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from 'openapi-backend';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import type { Reply } from '../../scripts/mailchimp-standin/problem.js';
import { rawRequest } from './helpers.js';

/** Answers the spec does not allow, in place of the stand-in's own. */
const offSpec: Record<string, (c: Context) => Reply> = {
  getPing: () => ({ status: 200, body: { health_status: 42 } }),
  postCampaignsIdActionsUnschedule: () => ({ status: 200, body: { status: 'paused' } }),
  getCampaignsId: (c) => ({ status: 200, body: { id: String(c.request.params.campaign_id), send_time: 'tomorrow', status: 'schedule' } }),
};

let checking: Standin;
let lax: Standin;
let plain: Standin;
beforeAll(async () => {
  [checking, lax, plain] = await Promise.all([
    startStandin({ handlers: offSpec }),
    startStandin({ handlers: offSpec, validate: false }),
    startStandin(),
  ]);
});
afterAll(() => Promise.all([checking.stop(), lax.stop(), plain.stop()]));

const call = rawRequest;

describe("the stand-in's answers are held to the published spec", () => {
  it('turns an answer of the wrong shape into a 500 naming the operation and the field', async () => {
    const answer = await call(checking, 'GET', '/3.0/ping');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ title: 'Stand-in Answer Off Spec', status: 500 });
    expect(answer.body.detail).toContain('200 answer to getPing');
    expect(answer.body.errors).toEqual([{ field: 'health_status', message: 'must be string' }]);
    expect(await call(lax, 'GET', '/3.0/ping')).toEqual({ status: 200, body: { health_status: 42 } });
  });

  it('refuses a status code the spec does not give the operation (unschedule answers 204, empty)', async () => {
    const answer = await call(checking, 'POST', '/3.0/campaigns/any/actions/unschedule');
    expect(answer.status).toBe(500);
    expect(answer.body.detail).toContain('200 answer to postCampaignsIdActionsUnschedule');
    expect((await call(lax, 'POST', '/3.0/campaigns/any/actions/unschedule')).status).toBe(200);
  });

  it('allows send_time "" on an unscheduled campaign (a documented quirk), and nothing else that is not a date-time', async () => {
    const made = await call(plain, 'POST', '/3.0/campaigns', {
      type: 'regular',
      recipients: { list_id: plain.audienceId },
      settings: { title: 't', subject_line: 's', from_name: 'Panel', reply_to: 'panel@example.org' },
    });
    expect(made).toMatchObject({ status: 200, body: { status: 'save', send_time: '' } });
    expect(await call(plain, 'GET', `/3.0/campaigns/${String(made.body.id)}`)).toMatchObject({ status: 200, body: { send_time: '' } });
    const odd = await call(checking, 'GET', '/3.0/campaigns/c1');
    expect(odd.status).toBe(500);
    expect(odd.body.errors).toContainEqual({ field: 'send_time', message: 'must match format "date-time"' });
  });
});

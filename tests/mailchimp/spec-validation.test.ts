// The stand-in holds every request to Mailchimp's published spec. A request that breaks it gets
// Mailchimp's 400 problem document naming the violation; the same request with validation
// switched off goes through, so these tests depend on the validation and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSdk } from '../../src/mailchimp/sdk.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { rawRequest } from './helpers.js';

let validating: Standin;
let lax: Standin;
beforeAll(async () => {
  [validating, lax] = await Promise.all([startStandin(), startStandin({ validate: false })]);
});
afterAll(() => Promise.all([validating.stop(), lax.stop()]));

/** The SDK itself, so the request is exactly what the SDK builds. */
const sdkFor = (s: Standin) => createSdk({ apiKey: s.apiKey, basePath: s.baseUrl, timeoutMs: 5_000 });

const raw = rawRequest;

describe('requests are validated against the published spec', () => {
  it('refuses a count above the spec maximum, sent through the SDK, with the violation named', async () => {
    const error = (await sdkFor(validating)
      .campaigns.list({ count: 5000 })
      .catch((e: unknown) => e)) as { status: number; response: { body: Record<string, unknown> } };
    expect(error.status).toBe(400);
    expect(error.response.body).toMatchObject({
      type: expect.any(String),
      title: 'Invalid Resource',
      status: 400,
      detail: expect.any(String),
      instance: expect.any(String),
    });
    expect(error.response.body.errors).toEqual([{ field: 'query.count', message: 'must be <= 1000' }]);
    // Without validation the stand-in has no rule of its own against it.
    await expect(sdkFor(lax).campaigns.list({ count: 5000 })).resolves.toMatchObject({ total_items: 0 });
  });

  it('refuses a body of the wrong shape', async () => {
    const body = { type: 'regular', recipients: { list_id: validating.audienceId }, settings: { title: 42 } };
    const refused = await raw(validating, 'POST', '/3.0/campaigns', body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'settings.title', message: 'must be string' }]);
    expect((await raw(lax, 'POST', '/3.0/campaigns', { ...body, recipients: { list_id: lax.audienceId } })).status).toBe(200);
  });

  it('refuses a field the spec does not list, naming it, however deep (the spec itself leaves objects open)', async () => {
    const settings = { title: 't', subject_lin: 'Panel newsletter', from_name: 'Panel', reply_to: 'panel@example.org' };
    const body = (s: Standin) => ({ type: 'regular', recipients: { list_id: s.audienceId }, settings });
    const refused = await raw(validating, 'POST', '/3.0/campaigns', body(validating));
    expect(refused).toMatchObject({ status: 400, body: { title: 'Invalid Resource' } });
    expect(refused.body.errors).toEqual([
      { field: 'settings.subject_lin', message: 'is not a field of this request in the published spec' },
    ]);
    const top = await raw(validating, 'POST', '/3.0/campaigns', { ...body(validating), setings: {} });
    expect(top.body.errors).toEqual([{ field: 'setings', message: 'is not a field of this request in the published spec' }]);
    const test = await raw(validating, 'POST', '/3.0/campaigns/any/actions/test', {
      test_emails: ['a@example.org'],
      send_type: 'html',
      to: [],
    });
    expect(test.body.errors).toEqual([{ field: 'to', message: 'is not a field of this request in the published spec' }]);
    expect((await raw(lax, 'POST', '/3.0/campaigns', body(lax))).status).toBe(200);
  });

  it('refuses an unknown path, a wrong method and a missing key', async () => {
    expect((await raw(validating, 'GET', '/3.0/campaign')).status).toBe(404);
    expect((await raw(validating, 'PUT', '/3.0/ping')).status).toBe(405);
    expect(await raw(validating, 'GET', '/3.0/ping', undefined, false)).toMatchObject({ status: 401, body: { title: 'API Key Missing' } });
  });
});

// The stand-in's report endpoints: 404 ("not ready yet") until a test sets figures for a sent
// campaign, then answers that Mailchimp's published spec accepts as responses of those operations,
// projected by `fields` as Mailchimp does.
import { readFileSync } from 'node:fs';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMailchimpSpec } from '../../scripts/fetch-mailchimp-spec.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { clientFor, draft, HTML } from '../mailchimp/helpers.js';
import { setFigures } from './world.js';

let standin: Standin;
let spec: OpenAPIBackend;
let id: string;
beforeAll(async () => {
  standin = await startStandin();
  const definition = JSON.parse(readFileSync(await ensureMailchimpSpec(), 'utf8')) as Document;
  spec = new OpenAPIBackend({ definition, quick: true, customizeAjv: (ajv) => (addFormats.default(ajv), ajv) });
  await spec.init();
  const client = clientFor(standin);
  id = (await client.createCampaign(draft('panel-newsletter:2030-01', standin.audienceId))).id;
  await client.setContent(id, { html: HTML, plainText: 'Hello' });
  await client.send(id);
  standin.account.advance(id, 'sent');
});
afterAll(() => standin.stop());

const get = async (path: string) => {
  const res = await fetch(`${standin.baseUrl}${path}`, {
    headers: { authorization: `Basic ${Buffer.from(`any:${standin.apiKey}`).toString('base64')}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const OPERATIONS = [
  ['getReportsId', ''],
  ['getReportsIdClickDetails', '/click-details'],
  ['getReportsIdDomainPerformance', '/domain-performance'],
] as const;

describe('the stand-in’s campaign reports', () => {
  it('answer 404 with Mailchimp’s problem document until figures are set', async () => {
    for (const [, tail] of OPERATIONS) {
      const r = await get(`/reports/${id}${tail}`);
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ title: 'Resource Not Found', status: 404 });
    }
  });

  it('then answer as the spec says those operations answer, whole and projected', async () => {
    await setFigures(standin, id, {
      emails_sent: 3,
      bounces: { hard_bounces: 1 },
      opens: { unique_opens: 2 },
      clicks: { unique_subscriber_clicks: 1 },
      urls_clicked: [{ url: 'https://www.gov.uk/a', total_clicks: 3, unique_clicks: 1 }],
      domains: [{ domain: 'nhs.net', emails_sent: 3, opens: 2, clicks: 1 }],
    });
    for (const [operation, tail] of OPERATIONS) {
      const r = await get(`/reports/${id}${tail}`);
      expect(r.status).toBe(200);
      const verdict = spec.validateResponse(r.body, operation, 200);
      expect(verdict.errors ?? [], operation).toEqual([]);
    }
    const report = await get(`/reports/${id}`);
    expect(report.body).toMatchObject({ emails_sent: 3, opens: { unique_opens: 2, open_rate: 1 }, bounces: { hard_bounces: 1 } });
    const projected = await get(`/reports/${id}?fields=emails_sent,opens.unique_opens`);
    expect(projected.body).toEqual({ emails_sent: 3, opens: { unique_opens: 2 } });
  });

  it('the spec check above can fail: a figure of the wrong type is a violation', () => {
    const verdict = spec.validateResponse({ emails_sent: 'three' }, 'getReportsId', 200);
    expect(verdict.valid).toBe(false);
  });
});

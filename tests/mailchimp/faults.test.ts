// Each injected fault becomes its typed error; reads are retried, create/schedule/send are not;
// never more than 4 requests in flight; the key never appears in an error.
import { inspect } from 'node:util';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MailchimpError, isOutcomeUncertain } from '../../src/mailchimp/index.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import type { FaultKind } from '../../scripts/mailchimp-standin/faults.js';
import { HTML, clientFor, draft, fakeTiming } from './helpers.js';

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin({ now: () => new Date('2022-04-01T10:00:00Z') });
});
afterAll(() => standin.stop());
beforeEach(() => standin.faults.clear());

const attempts = (operationId: string, since: number) => standin.requests.slice(since).filter((r) => r.operationId === operationId).length;

async function readyCampaign(title: string) {
  const client = clientFor(standin);
  const c = await client.createCampaign(draft(title, standin.audienceId));
  await client.setContent(c.id, { html: HTML, plainText: 'text' });
  return c;
}

describe('faults become typed errors', () => {
  const cases: [FaultKind, Partial<MailchimpError>][] = [
    ['429-empty', { failure: 'throttled', status: 429, code: 'mailchimp-unavailable', exit: 2, uncertain: false }],
    ['403-empty', { failure: 'throttled', status: 403, uncertain: false }],
    ['500', { failure: 'server-error', status: 500, title: 'Internal Server Error', detail: 'An injected fault.', uncertain: true }],
    ['503', { failure: 'server-error', status: 503, title: 'Service Unavailable', uncertain: true }],
    ['hang', { failure: 'timeout', code: 'mailchimp-unavailable', uncertain: true }],
    ['drop-after-apply', { failure: 'connection-dropped', uncertain: true }],
  ];
  for (const [kind, expected] of cases) {
    it(`${kind} on a read, once the retry budget is spent`, async () => {
      standin.faults.inject(kind, { operation: 'getPing', times: 1 });
      // Only the hang needs a short deadline; a long one elsewhere keeps a slow machine from turning faults into timeouts.
      const client = clientFor(standin, { timeoutMs: kind === 'hang' ? 300 : 10_000, retry: { totalBudgetMs: 0 } });
      const error = await client.ping().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailchimpError);
      expect(error).toMatchObject(expected);
      expect((error as Error).message).toMatch(/^Mailchimp: could not reach Mailchimp \(ping\): /);
    });
  }

  it('ECONNREFUSED when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = clientFor(standin, { basePath: `http://127.0.0.1:${port}/3.0`, retry: { totalBudgetMs: 0 } });
    await expect(client.ping()).rejects.toMatchObject({ failure: 'connection-refused', uncertain: false, transient: true });
  });
});

describe('retries', () => {
  it('retries a read through 429, 503 and a timeout, with growing jittered waits', async () => {
    standin.faults.inject('429-empty', { operation: 'getPing' });
    standin.faults.inject('503', { operation: 'getPing' });
    standin.faults.inject('hang', { operation: 'getPing' });
    const timing = fakeTiming();
    const lines: string[] = [];
    const since = standin.requests.length;
    const client = clientFor(standin, { timing, timeoutMs: 300, log: (l) => lines.push(l) });
    expect(await client.ping()).toEqual({ healthStatus: "Everything's Chimpy!" });
    expect(attempts('getPing', since)).toBe(4);
    expect(timing.waits).toEqual([250, 500, 1000]); // random 0.5 × 500·2^n
    expect(lines).toHaveLength(3);
  });

  it('gives up when the time budget is spent', async () => {
    standin.faults.inject('503', { operation: 'getPing', times: 100 });
    const timing = fakeTiming();
    const since = standin.requests.length;
    const client = clientFor(standin, { timing, retry: { baseDelayMs: 1000, maxDelayMs: 4000, totalBudgetMs: 10_000 } });
    await expect(client.ping()).rejects.toMatchObject({ failure: 'server-error' });
    expect(timing.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10_000);
    expect(attempts('getPing', since)).toBe(timing.waits.length + 1);
    standin.faults.clear();
  });

  it('retries the idempotent settings update and content upload', async () => {
    const c = await readyCampaign('panel-newsletter:idempotent');
    standin.faults.inject('drop-after-apply', { operation: 'patchCampaignsId' });
    standin.faults.inject('500', { operation: 'putCampaignsIdContent' });
    const since = standin.requests.length;
    const client = clientFor(standin);
    await client.updateSettings(c.id, { subject: 'S2', fromName: 'F', replyTo: 'r@example.org' });
    await client.setContent(c.id, { html: `${HTML}<p>2</p>`, plainText: 't2' });
    expect(attempts('patchCampaignsId', since)).toBe(2);
    expect(attempts('putCampaignsIdContent', since)).toBe(2);
    expect(standin.account.campaign(c.id).content.plain_text).toBe('t2');
  });

  it('never repeats create: a dropped answer leaves one campaign and an uncertain error', async () => {
    standin.faults.inject('drop-after-apply', { operation: 'postCampaigns' });
    const since = standin.requests.length;
    const client = clientFor(standin);
    const error = await client.createCampaign(draft('panel-newsletter:dropped', standin.audienceId)).catch((e: unknown) => e);
    expect(isOutcomeUncertain(error)).toBe(true);
    expect(attempts('postCampaigns', since)).toBe(1);
    // The caller reads back before creating again: the campaign is there, once.
    expect(await client.findCampaignsByTitle('panel-newsletter:dropped')).toHaveLength(1);
  });

  for (const [name, operation, act] of [
    ['schedule', 'postCampaignsIdActionsSchedule', (id: string) => clientFor(standin).schedule(id, new Date('2022-04-05T08:00:00Z'))],
    ['send', 'postCampaignsIdActionsSend', (id: string) => clientFor(standin).send(id)],
  ] as const) {
    it(`never repeats ${name}, even on a 429 or a 503`, async () => {
      const c = await readyCampaign(`panel-newsletter:no-repeat-${name}`);
      for (const kind of ['429-empty', '503'] as const) {
        standin.faults.inject(kind, { operation });
        const since = standin.requests.length;
        const error = await act(c.id).catch((e: unknown) => e);
        expect(error).toMatchObject({ transient: true, uncertain: kind === '503' });
        expect(attempts(operation, since)).toBe(1);
      }
      expect(standin.account.campaign(c.id).status).toBe('save');
    });
  }
});

describe('concurrency', () => {
  it('keeps at most 4 requests in flight', async () => {
    const fresh = await startStandin();
    try {
      fresh.faults.hold();
      const client = clientFor(fresh);
      const all = Promise.all(Array.from({ length: 10 }, () => client.ping()));
      // Network arrival has no clock to inject: give a client without the limit time to send all 10.
      const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
      for (let done = 0; done < 10; done += 4) {
        await fresh.faults.waitForHeld(Math.min(4, 10 - done));
        await settle();
        expect(fresh.faults.heldCount).toBe(Math.min(4, 10 - done));
        fresh.faults.releaseAll();
        fresh.faults.hold();
      }
      fresh.faults.releaseAll();
      await all;
      expect(fresh.maxInFlight).toBe(4);
    } finally {
      await fresh.stop();
    }
  });
});

describe('the API key', () => {
  it('appears in no error, however it is printed', async () => {
    const key = standin.apiKey;
    const basic = Buffer.from(`user:${key}`).toString('base64');
    const errors: unknown[] = [];
    for (const kind of ['429-empty', '500', 'hang', 'drop-after-apply'] as const) {
      standin.faults.inject(kind, { operation: 'getPing' });
      errors.push(
        await clientFor(standin, { timeoutMs: 300, retry: { totalBudgetMs: 0 } })
          .ping()
          .catch((e: unknown) => e),
      );
    }
    errors.push(
      await clientFor(standin, { apiKey: `${key.slice(0, -4)}0-us1` })
        .ping()
        .catch((e: unknown) => e),
    );
    errors.push(
      await clientFor(standin)
        .getCampaign('nope')
        .catch((e: unknown) => e),
    );
    for (const e of errors) {
      expect(e).toBeInstanceOf(MailchimpError);
      for (const text of [String(e), JSON.stringify(e), inspect(e, { depth: Infinity, showHidden: true }), (e as Error).stack ?? ''])
        for (const secret of [key, basic]) expect(text).not.toContain(secret);
    }
  });
});

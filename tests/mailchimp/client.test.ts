// Every client call, through the real SDK, against the stand-in validating each request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailchimpError } from '../../src/mailchimp/index.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { HTML, clientFor, draft } from './helpers.js';

let standin: Standin;
const now = new Date('2022-04-01T10:00:00Z');

beforeAll(async () => {
  standin = await startStandin({ now: () => now });
});
afterAll(() => standin.stop());

describe('the Mailchimp client', () => {
  it('pings', async () => {
    expect(await clientFor(standin).ping()).toEqual({ healthStatus: "Everything's Chimpy!" });
  });

  it('creates, finds, updates, fills, checks, schedules and unschedules a campaign', async () => {
    const client = clientFor(standin);
    const created = await client.createCampaign(draft('panel-newsletter:2022-04', standin.audienceId));
    expect(created).toMatchObject({
      status: 'save',
      title: 'panel-newsletter:2022-04',
      subject: 'Panel newsletter: April 2022',
      audienceId: standin.audienceId,
      sendTime: null,
    });

    expect((await client.findCampaignsByTitle('panel-newsletter:2022-04')).map((c) => c.id)).toEqual([created.id]);
    expect(await client.findCampaignsByTitle('panel-newsletter:2022-05')).toEqual([]);

    const updated = await client.updateSettings(created.id, {
      subject: 'New subject',
      fromName: 'The Panel',
      replyTo: 'reply@example.org',
      previewText: 'New preview',
    });
    expect(updated).toMatchObject({
      subject: 'New subject',
      fromName: 'The Panel',
      replyTo: 'reply@example.org',
      previewText: 'New preview',
      title: 'panel-newsletter:2022-04',
    });

    expect((await client.getSendChecklist(created.id)).isReady).toBe(false);
    await client.setContent(created.id, { html: HTML, plainText: 'Hello *|FNAME|*' });
    expect(await client.getContent(created.id)).toEqual({ html: HTML, plainText: 'Hello *|FNAME|*' });
    expect(await client.getSendChecklist(created.id)).toMatchObject({ isReady: true });

    await client.sendTest(created.id, ['reviewer@example.org']);
    await client.schedule(created.id, new Date('2022-04-05T08:00:00Z'));
    expect(await client.getCampaign(created.id)).toMatchObject({ status: 'schedule', sendTime: '2022-04-05T08:00:00+00:00' });
    await client.unschedule(created.id);
    expect(await client.getCampaign(created.id)).toMatchObject({ status: 'save', sendTime: null });
    await client.send(created.id);
    expect((await client.getCampaign(created.id)).status).toBe('sending');
    standin.account.advance(created.id, 'sent');
    expect(await client.getCampaign(created.id)).toMatchObject({ status: 'sent', emailsSent: 3 });
  });

  it('finds a campaign by title across pages of the audience', async () => {
    for (let i = 0; i < 104; i++)
      standin.account.create({ type: 'regular', recipients: { list_id: standin.audienceId }, settings: { title: `filler ${i}` } });
    const wanted = standin.account.create({
      type: 'regular',
      recipients: { list_id: standin.audienceId },
      settings: { title: 'panel-newsletter:paged' },
    });
    const seen = standin.requests.length;
    expect((await clientFor(standin).findCampaignsByTitle('panel-newsletter:paged')).map((c) => c.id)).toEqual([wanted.id]);
    const pages = standin.requests.slice(seen).filter((r) => r.operationId === 'getCampaigns');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.every((r) => r.path.includes(`list_id=${standin.audienceId}`))).toBe(true);
  });

  it('keeps an id containing "server" intact (the SDK would rewrite it if given a server)', async () => {
    const error = await clientFor(standin)
      .getCampaign('observer1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailchimpError);
    expect(error).toMatchObject({ failure: 'not-found', status: 404, title: 'Resource Not Found' });
    expect(standin.requests.at(-1)?.path).toMatch(/^\/3\.0\/campaigns\/observer1\?/);
  });

  it("refuses a time off the quarter-hour with Mailchimp's reason", async () => {
    const client = clientFor(standin);
    const c = await client.createCampaign(draft('panel-newsletter:quarter', standin.audienceId));
    await client.setContent(c.id, { html: HTML, plainText: 'text' });
    const error = await client.schedule(c.id, new Date('2022-04-05T08:10:00Z')).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'invalid', code: 'mailchimp-rejected', exit: 1, uncertain: false });
    expect((error as Error).message).toContain('quarter-hour');
  });

  it('says so when the account cannot schedule (Free plan)', async () => {
    const client = clientFor(standin);
    const c = await client.createCampaign(draft('panel-newsletter:free', standin.audienceId));
    await client.setContent(c.id, { html: HTML, plainText: 'text' });
    standin.account.options.canSchedule = false;
    try {
      const error = await client.schedule(c.id, new Date('2022-04-05T08:00:00Z')).catch((e: unknown) => e);
      expect(error).toMatchObject({ failure: 'cannot-schedule', code: 'mailchimp-cannot-schedule', status: 403 });
      expect((error as MailchimpError).hint).toMatch(/scheduler daemon/);
    } finally {
      standin.account.options.canSchedule = true;
    }
  });

  it('keeps test emails within the limits', async () => {
    const client = clientFor(standin);
    const c = await client.createCampaign(draft('panel-newsletter:tests', standin.audienceId));
    await client.setContent(c.id, { html: HTML, plainText: 'text' });
    const many = Array.from({ length: 7 }, (_, i) => `r${i}@example.org`);
    await expect(client.sendTest(c.id, many)).rejects.toMatchObject({ failure: 'invalid' });
  });

  it('gets a wrong key refused as an authentication error', async () => {
    const client = clientFor(standin, { apiKey: 'ffffffffffffffffffffffffffffffff-us1' });
    await expect(client.ping()).rejects.toMatchObject({ failure: 'unauthorized', code: 'mailchimp-auth', title: 'API Key Invalid' });
  });
});

// The email, the archive page and the studio print sendAt's date, and approval pinned that render:
// publish --at / --send-at may move the send within that UK day, never onto another. A refusal
// touches nothing in Mailchimp or the store and says which line to write instead.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { NewsletterError } from '../../src/errors.js';
import { type PublishArgs, publish } from '../../src/publish/publish.js';
import { syncForDueSend } from '../../src/scheduler/publish-due.js';
import { type Approved, approvedApril, campaignsOf, publishArgs, standinNow } from './fixture.js';

let standin: Standin;
let fx: Approved;
beforeAll(async () => {
  standin = await standinNow();
});
afterAll(() => standin.stop());
beforeEach(async () => {
  fx = await approvedApril(); // sendAt: "2022-04-05 09:00"; the clock is 30 March 2022
  standin.requests.length = 0;
});
afterEach(() => fx.close());

const FILE = 'content/issues/2022-04/issue.yaml';

async function refusal(over: Partial<PublishArgs>): Promise<NewsletterError> {
  const audit = fx.store.audit.list().length;
  const e = await publish(fx.project.paths, fx.store, publishArgs(standin, over)).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NewsletterError);
  expect(standin.requests).toEqual([]);
  expect(campaignsOf(standin)).toEqual([]);
  expect(fx.store.statuses.get('2022-04')).toBe('approved');
  expect(fx.store.campaigns.get('2022-04')).toBeUndefined();
  expect(fx.store.audit.list()).toHaveLength(audit);
  return e as NewsletterError;
}

describe('publish keeps to the day the email prints', () => {
  it('refuses --at on another UK day, naming the sendAt line to write', async () => {
    const e = await refusal({ at: '2022-04-06 09:00' });
    expect(e).toMatchObject({ code: 'send-time', exit: 1, message: '--at: the email says 5 April 2022 but would go on 6 April 2022' });
    expect(e.hint).toBe(`set sendAt: "2022-04-06 09:00" in ${FILE} (then check and approve again), or publish without --at`);
  });

  it('judges the UK day, not the UTC one: 00:30 BST on 6 April is still 5 April in UTC', async () => {
    const e = await refusal({ at: '2022-04-06 00:30' });
    expect(e.message).toBe('--at: the email says 5 April 2022 but would go on 6 April 2022');
  });

  it('refuses --send-at on another day the same way, pointing to a due time on the printed day', async () => {
    const e = await refusal({ at: '2022-04-04 17:07', dueSend: syncForDueSend });
    expect(e).toMatchObject({ code: 'send-time', message: '--send-at: the email says 5 April 2022 but would go on 4 April 2022' });
    expect(e.hint).toBe(
      `set sendAt: "2022-04-04 17:07" in ${FILE} (then check and approve again), or give --send-at a time on 5 April 2022`,
    );
  });

  it('accepts another time on the same UK day, and the approved email still says that day', async () => {
    const r = await publish(fx.project.paths, fx.store, publishArgs(standin, { at: '2022-04-05 00:30' })); // 4 April 23:30 UTC
    expect(r.sendAt).toEqual(new Date('2022-04-04T23:30:00Z'));
    const [campaign, ...more] = campaignsOf(standin);
    expect(more).toEqual([]);
    expect(campaign).toMatchObject({ status: 'schedule', send_time: '2022-04-04T23:30:00+00:00', content: { html: fx.snapshot.html } });
    expect(fx.snapshot.html).toContain('5 April 2022');
  });

  it('accepts a --send-at later the same day, at any minute', async () => {
    const r = await publish(fx.project.paths, fx.store, publishArgs(standin, { at: '2022-04-05 21:07', dueSend: syncForDueSend }));
    expect(r.sendAt).toEqual(new Date('2022-04-05T20:07:00Z'));
    expect(campaignsOf(standin)[0]).toMatchObject({ status: 'save', content: { html: fx.snapshot.html } });
  });
});

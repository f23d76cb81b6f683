// A refused publish touches nothing in Mailchimp: the stand-in's request log stays empty, and the
// store is as it was. Each refusal says what to do.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { NewsletterError } from '../../src/errors.js';
import { type PublishArgs, publish } from '../../src/publish/publish.js';
import { syncForDueSend } from '../../src/scheduler/publish-due.js';
import { currentIssue } from '../../src/workflow/current.js';
import { APRIL, type Approved, approvedApril, envFor, now, standinNow, publishArgs } from './fixture.js';

let standin: Standin;
let fx: Approved;
beforeAll(async () => {
  standin = await standinNow();
});
afterAll(() => standin.stop());
beforeEach(async () => {
  fx = await approvedApril();
  standin.requests.length = 0;
});
afterEach(() => fx.close());

const args = (over: Partial<PublishArgs> = {}): PublishArgs => publishArgs(standin, over);

async function refusal(over: Partial<PublishArgs> = {}): Promise<NewsletterError> {
  const before = fx.store.statuses.get('2022-04');
  const audit = fx.store.audit.list().length;
  const e = await publish(fx.project.paths, fx.store, args(over)).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NewsletterError);
  expect(standin.requests).toEqual([]);
  expect(fx.store.statuses.get('2022-04')).toBe(before);
  expect(fx.store.campaigns.get('2022-04')).toBeUndefined();
  expect(fx.store.audit.list()).toHaveLength(audit);
  return e as NewsletterError;
}

describe('publish refuses, touching nothing in Mailchimp', () => {
  it('an issue that is not approved', async () => {
    fx.store.approvals.withdraw('2022-04');
    fx.store.statuses.change('2022-04', 'approved', 'draft');
    const e = await refusal();
    expect(e).toMatchObject({ code: 'publish-refused', exit: 1, message: '2022-04 is not approved, so it cannot be published' });
    expect(e.hint).toContain('newsletter approve 2022-04 --by');
  });

  it('an approval gone stale: the content changed since', async () => {
    await fx.project.edit(APRIL, 'financial year', 'financial yeer');
    const e = await refusal();
    expect(e.message).toMatch(/^2022-04 has changed since it was approved/);
    expect(e.hint).toContain('approve it again');
  });

  it('an issue with errors from check, even with an approval of that very content', async () => {
    await fx.project.edit(APRIL, 'closingDate: 2022-04-18', 'closingDate: 2022-04-01'); // closes before it is sent
    const { snapshot, report } = await currentIssue(fx.project.paths, '2022-04', now());
    expect(report.errors).toBeGreaterThan(0);
    fx.store.approvals.record('Ann Chair', snapshot);
    const e = await refusal();
    expect(e).toMatchObject({ code: 'check-failed' });
    expect(e.message).toContain('cannot be published');
    expect(e.message).toContain('section 5 (recruitment)');
  });

  it.each(['MAILCHIMP_API_KEY', 'MAILCHIMP_AUDIENCE_ID'])('%s missing', async (name) => {
    const env = { ...envFor(standin), [name]: '' };
    const e = await refusal({ env });
    expect(e).toMatchObject({ code: 'mailchimp-not-configured', message: `${name} is not set. Nothing was sent to Mailchimp.` });
    expect(e.hint).toMatch(/^set MAILCHIMP_API_KEY \(in Mailchimp: Account & billing → Extras → API keys\) and MAILCHIMP_AUDIENCE_ID/);
  });

  it('a time off the quarter-hour, naming the two nearest', async () => {
    const e = await refusal({ at: '2022-04-05 09:10' });
    expect(e).toMatchObject({ code: 'send-time', message: expect.stringContaining('--at: 2022-04-05 09:10 BST is not on a quarter-hour') });
    expect(e.hint).toBe('use 2022-04-05 09:00 BST or 2022-04-05 09:15 BST');
  });

  it('a time in the past', async () => {
    const e = await refusal({ at: '2022-03-30 09:00' });
    expect(e.message).toContain('has passed');
  });

  it('the issue’s own sendAt once it has passed, naming the file', async () => {
    const e = await refusal({ now: () => new Date('2022-04-06T00:00:00Z') });
    expect(e.message).toMatch(/^sendAt in content\/issues\/2022-04\/issue\.yaml: 2022-04-05 09:00 BST has passed/);
  });

  it('a time the UK clocks skip, and one they repeat without BST or GMT', async () => {
    expect((await refusal({ at: '2023-03-26 01:30' })).message).toContain('does not exist in the UK');
    expect((await refusal({ at: '2023-10-29 01:30' })).message).toContain('happens twice in the UK');
  });
});

// The email, the archive page and the studio print sendAt's date ("2022-04-05 09:00"), and approval
// pinned that render: --at / --send-at may move the send within that UK day, never onto another.
describe('publish refuses a send on another day than the email prints', () => {
  it('--at on another UK day, naming the sendAt line to write', async () => {
    const e = await refusal({ at: '2022-04-06 09:00' });
    expect(e).toMatchObject({ code: 'send-time', exit: 1, message: '--at: the email says 5 April 2022 but would go on 6 April 2022' });
    expect(e.hint).toBe(`set sendAt: "2022-04-06 09:00" in ${APRIL} (then check and approve again), or publish without --at`);
  });

  it('judged by the UK day, not the UTC one: 00:30 BST on 6 April is still 5 April in UTC', async () => {
    const e = await refusal({ at: '2022-04-06 00:30' });
    expect(e.message).toBe('--at: the email says 5 April 2022 but would go on 6 April 2022');
  });

  it('--send-at on another day, pointing to a due time on the printed day', async () => {
    const e = await refusal({ at: '2022-04-04 17:07', dueSend: syncForDueSend });
    expect(e).toMatchObject({ code: 'send-time', message: '--send-at: the email says 5 April 2022 but would go on 4 April 2022' });
    expect(e.hint).toBe(
      `set sendAt: "2022-04-04 17:07" in ${APRIL} (then check and approve again), or give --send-at a time on 5 April 2022`,
    );
  });
});

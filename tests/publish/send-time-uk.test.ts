// --at is UK time: converted to UTC across BST and GMT, on the last Sundays of March and October
// too, and scheduled in Mailchimp at that instant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { type PublishArgs, publish } from '../../src/publish/publish.js';
import { type Approved, approvedApril, campaignsOf, standinNow, publishArgs } from './fixture.js';

let standin: Standin;
let fx: Approved;
beforeAll(async () => {
  standin = await standinNow();
});
afterAll(() => standin.stop());
beforeEach(() => standin.account.campaigns.clear());
afterEach(() => fx.close());

/** April's issue approved for the day of `at`: --at moves a send within sendAt's day only. */
const dueOn = async (at: string) => {
  fx = await approvedApril(`${at.slice(0, 10)} 12:00`);
};

const args = (at: string, dryRun: boolean): PublishArgs => publishArgs(standin, { at, dryRun });

describe('UK time to UTC', () => {
  it.each([
    ['2023-03-25 09:00', '2023-03-25T09:00:00Z'], // the Saturday before: GMT
    ['2023-03-26 00:45', '2023-03-26T00:45:00Z'], // last Sunday of March, before the change
    ['2023-03-26 02:00', '2023-03-26T01:00:00Z'], // the first BST hour
    ['2023-03-26 09:00', '2023-03-26T08:00:00Z'],
    ['2023-10-29 00:45', '2023-10-28T23:45:00Z'], // last Sunday of October, still BST
    ['2023-10-29 01:30 BST', '2023-10-29T00:30:00Z'], // the first 01:30
    ['2023-10-29 01:30 GMT', '2023-10-29T01:30:00Z'], // the second
    ['2023-10-29 09:00', '2023-10-29T09:00:00Z'],
  ])('%s is %s', async (at, utc) => {
    await dueOn(at);
    const planned: Date[] = [];
    await publish(fx.project.paths, fx.store, {
      ...args(at, true),
      onPlan: (plan) => plan.steps.forEach((s) => s.kind === 'schedule' && planned.push(s.at)),
    });
    expect(planned).toEqual([new Date(utc)]);
  });

  it.each([
    ['2023-03-26 09:00', '2023-03-26T08:00:00+00:00'], // March: BST
    ['2023-10-29 09:00', '2023-10-29T09:00:00+00:00'], // October: GMT
  ])('Mailchimp is given the UTC instant: %s is %s', async (at, sendTime) => {
    await dueOn(at);
    await publish(fx.project.paths, fx.store, args(at, false));
    expect(campaignsOf(standin)[0]?.send_time).toBe(sendTime);
    expect(campaignsOf(standin)).toHaveLength(1);
  });
});

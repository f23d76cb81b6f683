// "Send now" (the CLI's `publish --now`, the studio's button) asks the lifecycle table: a due send
// still pending for an issue that was cancelled meanwhile is refused in the table's words, and
// nothing is sent or recorded.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendNow } from '../../src/scheduler/commands.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { daemonFor, DUE, ISSUE, publishDue, sends, TestClock, world, type World } from './harness.js';

const clock = new TestClock(new Date('2022-04-05T07:00:00Z'));
let standin: Standin;
let w: World;
beforeAll(async () => {
  standin = await startStandin({ now: clock.now, canSchedule: false });
});
afterAll(() => standin.stop());
beforeEach(async () => {
  w = await world(clock);
  await publishDue(w, standin);
});
afterEach(() => w.close());

describe('send now and the lifecycle', () => {
  it('refuses a cancelled issue’s due send in the table’s words, and sends nothing', async () => {
    w.store.statuses.change(ISSUE, 'scheduled', 'cancelled');
    clock.set(DUE);
    const audit = w.store.audit.list(ISSUE).length;
    const person = daemonFor(w, standin, { actor: 'Ann Chair' }).daemon;
    await expect(sendNow(person.ctx, ISSUE)).rejects.toMatchObject({
      code: 'due-send-refused',
      message: '2022-04 is cancelled, so it cannot be sent now',
      hint: 'Edit it to bring it back as a draft, then approve it again',
    });
    expect(sends(standin, w.campaignId)).toBe(0);
    expect(w.store.audit.list(ISSUE).length).toBe(audit);
    expect(w.store.dueSends.get(ISSUE)?.state).toBe('pending');
  });
});

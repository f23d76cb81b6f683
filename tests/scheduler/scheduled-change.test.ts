// Issue 23, defect 2, in the daemon: a scheduled issue whose file changed after approval is set
// aside as needs-attention on the next reconcile (without waiting on Mailchimp), shows in the
// health report's needsAttention and the reminder, and a due send of it is held, not sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { CHANGED_WHILE_SCHEDULED } from '../../src/workflow/scheduled-change.js';
import { startSmtp, type TestSmtp } from '../workflow/smtp.js';
import { daemonFor, DUE, ISSUE, publishDue, publishScheduled, sends, TestClock, world, type World } from './harness.js';

const clock = new TestClock(new Date('2022-04-04T10:00:00Z'));
let standin: Standin;
let smtp: TestSmtp;
let w: World;
beforeAll(async () => {
  standin = await startStandin({ now: clock.now });
  smtp = await startSmtp();
});
afterAll(async () => {
  await standin.stop();
  await smtp.close();
});
beforeEach(async () => {
  clock.set('2022-04-04T10:00:00Z');
  standin.account.campaigns.clear();
  w = await world(clock);
});
afterEach(() => w.close());

const changeTheFile = () =>
  w.project.edit(`content/issues/${ISSUE}/issue.yaml`, /^subject: .*$/m, 'subject: "Changed behind the schedule"');

describe('a scheduled issue whose file changed', () => {
  it('stays in step while the file is as approved, and is set aside at the next reconcile once it is not', async () => {
    await publishScheduled(w, standin);
    const { daemon, log } = daemonFor(w, standin, {
      config: { remindersTo: ['chair@example.org'] },
      env: { PROOF_ALLOWLIST: '@example.org' },
      smtpPort: smtp.port,
    });
    expect((await daemon.reconcile()).get(ISSUE)).toBe('in-step');

    await changeTheFile();
    expect((await daemon.reconcile()).get(ISSUE)).toBe('needs-attention');
    expect(w.store.statuses.get(ISSUE)).toBe('needs-attention');
    expect(w.store.audit.list(ISSUE, 'needs-attention').map((e) => [e.actor, e.details.reason])).toEqual([
      ['daemon', CHANGED_WHILE_SCHEDULED],
    ]);
    expect(log.lines.find((l) => l.event === 'needs-attention')?.message).toBe(`${ISSUE} needs attention: ${CHANGED_WHILE_SCHEDULED}`);
    expect(daemon.healthReport().needsAttention).toEqual([ISSUE]);

    // The day's reminder names it, with the reason.
    clock.set('2022-04-05T07:00:00Z');
    expect(await daemon.reminderIfDue()).toBe('sent');
    const mail = smtp.received.at(-1)?.mail;
    expect(mail?.text).toContain('Needs attention');
    expect(mail?.text).toContain(CHANGED_WHILE_SCHEDULED);
  });

  it('has its due send held for a person, and nothing is sent', async () => {
    await publishDue(w, standin);
    const { daemon } = daemonFor(w, standin);
    await changeTheFile();
    clock.set(DUE);
    const report = await daemon.tick();
    expect(report.dueSends.get(ISSUE)).toBe('held');
    expect(sends(standin, w.campaignId)).toBe(0);
    expect(w.store.statuses.get(ISSUE)).toBe('needs-attention');
    expect(w.store.audit.list(ISSUE, 'needs-attention').at(-1)?.details.reason).toBe(CHANGED_WHILE_SCHEDULED);
  });
});

// Reconciliation follows Mailchimp — scheduled, sending, sent — and the sent issue then appears in
// the public archive from its approved snapshot; drift and unexpected states become
// needs-attention. And the daily reminder reaches a real SMTP server, once a day.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSentSnapshot } from '../../src/archive/sent.js';
import { loadProject } from '../../src/pipeline.js';
import { archivedIssues } from '../../src/site/archive.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { startSmtp, type TestSmtp } from '../workflow/smtp.js';
import { daemonFor, DUE, ISSUE, publishDue, publishScheduled, TestClock, world, type World } from './harness.js';

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
  standin.account.campaigns.clear(); // one campaign per issue: each test starts with none
  w = await world(clock);
});
afterEach(() => w.close());

const scheduleInMailchimp = () => publishScheduled(w, standin);

describe('reconcile', () => {
  it('follows scheduled → sending → sent, records when and to how many, and the issue is then in the archive', async () => {
    await scheduleInMailchimp();
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.reconcile()).get(ISSUE)).toBe('in-step');
    expect(w.store.statuses.get(ISSUE)).toBe('scheduled');

    clock.set(DUE);
    standin.account.advance(w.campaignId, 'sending');
    expect((await daemon.reconcile()).get(ISSUE)).toBe('sending');
    expect(w.store.statuses.get(ISSUE)).toBe('sending');
    expect((await loadArchive()).map((i) => i.id)).not.toContain(ISSUE);

    clock.set('2022-04-05T08:20:00Z');
    standin.account.advance(w.campaignId, 'sent');
    expect((await daemon.reconcile()).get(ISSUE)).toBe('sent');
    expect(w.store.statuses.get(ISSUE)).toBe('sent');
    expect(w.store.audit.list(ISSUE, 'sent')[0]?.details).toMatchObject({
      campaignId: w.campaignId,
      sentAt: DUE.toISOString(),
      emailsSent: 3,
    });
    const archived = (await loadArchive()).find((i) => i.id === ISSUE);
    expect(archived?.sentAt).toBe(DUE.toISOString());
    expect(archived?.sent?.snapshot.hash).toBe(w.snapshot.hash);
    expect((await readSentSnapshot(w.project.paths, ISSUE))?.snapshot.web).toBe(w.snapshot.web);

    // Nothing left to follow: a second pass touches nothing.
    expect((await daemon.reconcile()).size).toBe(0);
  });

  it('a due send the daemon fired is followed to sent in the same way', async () => {
    await publishDue(w, standin);
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.reconcile()).get(ISSUE)).toBe('in-step'); // unscheduled in Mailchimp on purpose
    clock.set(DUE);
    await daemon.tick();
    standin.account.advance(w.campaignId, 'sent');
    expect((await daemon.reconcile()).get(ISSUE)).toBe('sent');
    expect((await loadArchive()).map((i) => i.id)).toContain(ISSUE);
  });

  it('drift — the campaign edited in Mailchimp after approval — goes to needs-attention', async () => {
    await scheduleInMailchimp();
    standin.account.campaign(w.campaignId).content.html += '<p>Added in Mailchimp</p>';
    const { daemon, log } = daemonFor(w, standin);
    expect((await daemon.reconcile()).get(ISSUE)).toBe('needs-attention');
    expect(w.store.statuses.get(ISSUE)).toBe('needs-attention');
    expect(w.store.audit.list(ISSUE, 'needs-attention')[0]?.details.reason).toMatch(/changed in Mailchimp after approval \(content\)/);
    expect(log.lines.find((l) => l.event === 'needs-attention')).toMatchObject({ level: 'warn', issue: ISSUE });
  });

  it('a campaign unscheduled or cancelled in Mailchimp goes to needs-attention', async () => {
    await scheduleInMailchimp();
    standin.account.unschedule(w.campaignId);
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.reconcile()).get(ISSUE)).toBe('needs-attention');
    expect(w.store.audit.list(ISSUE, 'needs-attention')[0]?.details.reason).toMatch(
      /no longer scheduled in Mailchimp \(it is a draft in Mailchimp, not scheduled\)/,
    );
  });

  it('Mailchimp unreachable changes nothing', async () => {
    await scheduleInMailchimp();
    standin.faults.inject('503', { times: 20 });
    const { daemon } = daemonFor(w, standin);
    expect((await daemon.reconcile()).get(ISSUE)).toBe('unreachable');
    standin.faults.clear();
    expect(w.store.statuses.get(ISSUE)).toBe('scheduled');
  });
});

describe('the daily reminder', () => {
  const env = { PROOF_ALLOWLIST: '@example.org' };
  const config = { remindersTo: ['secretariat@example.org'] };

  it('arrives by SMTP once per UK day, after the reminder time, listing what needs a person', async () => {
    await scheduleInMailchimp();
    standin.account.unschedule(w.campaignId);
    const { daemon } = daemonFor(w, standin, { env, config, smtpPort: smtp.port });
    await daemon.reconcile(); // → needs-attention
    const before = smtp.received.length;
    clock.set('2022-04-05T06:59:00Z'); // 07:59 BST: not yet
    expect((await daemon.tick()).reminder).toBeUndefined();
    clock.set('2022-04-05T07:00:00Z'); // 08:00 BST
    expect((await daemon.tick()).reminder).toBe('sent');
    clock.set('2022-04-05T07:01:00Z');
    expect((await daemon.tick()).reminder).toBeUndefined();
    expect(smtp.received.length - before).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelopeTo).toEqual(['secretariat@example.org']);
    expect(mail.mail.subject).toMatch(/^\[Reminder\] .*: 1 needs attention$/);
    expect(mail.mail.text).toContain(`- ${ISSUE} "Child Safeguarding Practice Review Panel: April 2022"`);
    expect(mail.mail.text).toMatch(/no longer scheduled in Mailchimp/);
  });

  it('refuses addresses the allow-list does not allow, and tries again later in the day', async () => {
    const { daemon, log } = daemonFor(w, standin, { env, config: { remindersTo: ['someone@elsewhere.example'] }, smtpPort: smtp.port });
    clock.set('2022-04-05T07:00:00Z');
    expect((await daemon.tick()).reminder).toBe('failed');
    expect(log.lines.find((l) => l.event === 'reminder.failed')?.message).toMatch(/someone@elsewhere\.example/);
    clock.set('2022-04-05T07:05:00Z');
    expect((await daemon.tick()).reminder).toBeUndefined(); // waits 15 min
    clock.set('2022-04-05T07:15:00Z');
    expect((await daemon.tick()).reminder).toBe('failed');
  });
});

async function loadArchive() {
  return archivedIssues(w.project.paths, (await loadProject(w.project.paths)).content);
}

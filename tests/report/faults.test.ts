// Faults while reading a report: a rate limit or a 5xx is retried like every safe read; a
// malformed report is an error in the log that names the field, and the previous reading stays;
// a daemon killed (kill -9) between fetching and storing leaves no half reading, and the next
// one reads the slot whole.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';
import { clientFor } from '../mailchimp/helpers.js';
import { daemonFor } from '../scheduler/harness.js';
import { DUE, HOUR, ISSUE, RECRUITMENT_URL, sentWorldEachTest, setFigures, TestClock } from './world.js';

/** The daemon in a process of its own (tests/scheduler), running its report job once. */
const CHILD = path.join(REPO, 'tests/scheduler/daemon-child.ts');
const clock = new TestClock(DUE);
const the = sentWorldEachTest(clock);
beforeEach(async () => {
  await setFigures(the.standin, the.w.campaignId, {
    emails_sent: 3,
    opens: { unique_opens: 2 },
    clicks: { unique_subscriber_clicks: 1 },
    urls_clicked: [{ url: RECRUITMENT_URL, total_clicks: 1, unique_clicks: 1 }],
  });
  clock.set(new Date(DUE.getTime() + HOUR + 60_000));
});

/** A daemon whose client retries as the real one does (the harness's has no retry budget); backoff waits are skipped. */
const retryingDaemon = () => {
  const d = daemonFor(the.w, the.standin);
  Object.assign(d.daemon.ctx, { mailchimp: () => clientFor(the.standin) });
  return d;
};

describe('reading a report when things go wrong', () => {
  it('a 429 with an empty body and a 503 are retried, and the reading is kept', async () => {
    const { standin, w } = the;
    standin.faults.inject('429-empty', { operation: 'getReportsId' });
    standin.faults.inject('503', { operation: 'getReportsIdClickDetails' });
    const { daemon } = retryingDaemon();
    expect((await daemon.readReports()).get(ISSUE)).toBe('read');
    const statuses = standin.requests.filter((r) => r.operationId?.startsWith('getReports')).map((r) => `${r.operationId} ${r.status}`);
    expect(statuses).toContain('getReportsId 429');
    expect(statuses).toContain('getReportsIdClickDetails 503');
    expect(w.store.reports.list(ISSUE)).toHaveLength(1);
  });

  it('a malformed report is a located error in the log, and the previous reading stays in place', async () => {
    const { standin, w } = the;
    const { daemon, log } = retryingDaemon();
    expect((await daemon.readReports()).get(ISSUE)).toBe('read');
    const before = w.store.reports.list(ISSUE);

    // Mailchimp's spec allows any integer; a negative count is nonsense the tool refuses.
    await setFigures(standin, w.campaignId, { emails_sent: 3, opens: { unique_opens: -5 } });
    clock.set(new Date(DUE.getTime() + 24 * HOUR + 60_000));
    expect((await daemon.readReports()).get(ISSUE)).toBe('failed');
    const error = log.lines.find((l) => l.event === 'report.failed');
    expect(error).toMatchObject({ level: 'error', issue: ISSUE, slot: 'day' });
    expect(error?.message).toContain(`could not read the report of campaign ${w.campaignId}`);
    expect(error?.message).toContain('opens.unique_opens');
    expect(error?.message).toContain('the previous reading is kept');
    expect(w.store.reports.list(ISSUE)).toEqual(before);
  });

  it('killed between fetching and storing, it keeps nothing half-read; the next daemon reads the slot whole', async () => {
    const { standin, w } = the;
    // The last of the three reads never answers: the process is killed while it waits.
    standin.faults.inject('hang', { operation: 'getReportsIdDomainPerformance' });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, w.dbFile, w.project.root, standin.baseUrl, clock.now().toISOString(), '300', 'reports'],
      { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    child.stdin.write('go\n'); // the child waits for a line before it starts
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_c, signal) => resolve(signal)));
    await expect
      .poll(() => standin.requests.some((r) => r.operationId === 'getReportsIdDomainPerformance' && r.status === 'hung'), {
        timeout: 30_000,
      })
      .toBe(true);
    // The report and the clicks were fetched in the child; nothing of them may be in the store.
    expect(standin.requests.some((r) => r.operationId === 'getReportsId' && r.status === 200)).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(w.store.reports.list(ISSUE)).toEqual([]);

    const { daemon } = retryingDaemon();
    expect((await daemon.readReports()).get(ISSUE)).toBe('read');
    expect(w.store.reports.list(ISSUE).map((r) => [r.slot, r.report.emailsSent, r.links.length])).toEqual([['hour', 3, 1]]);
  }, 60_000);
});

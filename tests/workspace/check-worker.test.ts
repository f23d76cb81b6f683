// Issue 22: the studio runs an issue's checks in a worker, so one slow issue (1 MB of hostile text)
// never stops it answering other requests; past its time budget a run is stopped and says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CheckWorker } from '../../src/workspace/check-worker.js';
import { type HostileIssue, hostileIssue, hostileText } from '../../scripts/hostile-text.js';
import { rawGet, type Running, runPreview } from '../helpers/preview-server.js';

let hostile: HostileIssue;
let run: Running;
beforeAll(async () => {
  [hostile, run] = await Promise.all([hostileIssue(hostileText(1024 * 1024)), runPreview('studio')]);
}, 120_000);
afterAll(async () => {
  hostile?.remove();
  await run?.stop();
});

it('the studio answers another request while 1 MB of hostile text is being checked', { timeout: 300_000 }, async () => {
  const worker = new CheckWorker(240_000);
  try {
    let done = false;
    const checks = worker.run(hostile.paths, hostile.content, hostile.issue, hostile.rendered, new Date('2022-03-30T09:00:00Z'));
    void checks.then(() => (done = true));
    const other = await rawGet(run.url, '/issues/2022-04/');
    expect(other.status).toBe(200);
    expect(done).toBe(false);
    const report = await checks;
    expect(report.issue).toBe('2022-04');
    expect(report.findings.some((f) => f.code === 'check/stopped')).toBe(false);
  } finally {
    await worker.close();
  }
});

it('a run past its budget is stopped with a finding that says so', { timeout: 120_000 }, async () => {
  const worker = new CheckWorker(1);
  try {
    const stopped = await worker.run(hostile.paths, hostile.content, hostile.issue, hostile.rendered, new Date());
    expect(stopped.errors).toBe(1);
    expect(stopped.findings[0]).toMatchObject({ code: 'check/stopped', severity: 'error' });
    expect(stopped.findings[0]!.message).toContain('most likely on a very long line');
  } finally {
    await worker.close();
  }
});

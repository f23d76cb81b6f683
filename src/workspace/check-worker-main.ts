// The studio's check worker (check-worker.ts starts it): runs checkRendered on what it is sent,
// so the studio's own thread keeps answering while an issue's checks run.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRendered } from '../check-rendered.js';
import { handBaseline } from '../check/compat/baseline.js';
import type { CheckJob } from './check-worker.js';

handBaseline((workerData as { mjmlBaseline?: unknown } | null)?.mjmlBaseline);

parentPort!.on('message', (job: CheckJob) => {
  checkRendered(job.paths, job.content, job.issue, job.rendered, { now: new Date(job.now) }).then(
    (report) => parentPort!.postMessage({ id: job.id, report }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});

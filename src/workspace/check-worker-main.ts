// The studio's check worker (check-worker.ts starts it, through check-worker-start.ts): runs checkRendered on what it is sent,
// so the studio's own thread keeps answering while an issue's checks run.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkRendered } from '../check-rendered.js';
import { handBaseline } from '../check/compat/baseline.js';
import type { Content } from '../content/schema.js';
import { CHECKS_NICENESS, type CheckJob, withDraft } from './check-job.js';

handBaseline((workerData as { mjmlBaseline?: unknown } | null)?.mjmlBaseline);

// The checks give way (CHECKS_NICENESS lower than the studio, which may itself run under `nice`):
// on Linux a thread has a priority of its own (its id, from /proc/thread-self, is a process id to
// setpriority); elsewhere the worker keeps the process's.
try {
  const thread = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
  setPriority(thread, Math.min(19, getPriority(thread) + CHECKS_NICENESS));
} catch {
  // not Linux, or not allowed: the checks run at the studio's priority
}

let held: Content | undefined;
parentPort!.on('message', (job: CheckJob) => {
  if (job.content) held = job.content;
  const content = job.draft ? withDraft(held!, job.issue) : held!;
  checkRendered(job.paths, content, job.issue, job.rendered, { now: new Date(job.now) }).then(
    (report) => parentPort!.postMessage({ id: job.id, report }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});

// The studio runs an issue's checks in a worker thread, so one slow issue (1 MB pasted into a
// field) never stops the server answering other pages. Each run has a time budget: past it the
// worker is stopped, the report says so as a finding, and runs queued behind it go to a new worker.
// Runs go to the worker one at a time, so a run nobody waits for any more (an editor's draft
// superseded by the next keystroke) is dropped before it starts. The content, which is most of
// a run's size (every issue, the reviews registry), is sent to the worker only when it changed;
// a draft is sent as its issue alone, put into that content by the worker (`withDraft`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { builtBaseline } from '../check/compat/baseline.js';
import { report as checkReport } from '../check/index.js';
import type { CheckReport } from '../check/finding.js';
import type { Content, Issue } from '../content/schema.js';
import type { ProjectPaths } from '../pipeline.js';
import type { RenderedIssue } from '../render/index.js';
import type { CheckJob } from './check-job.js';
import { keepItSmallAgain, youngGenerationKeptSmall } from './young-generation.js';

export { CHECKS_NICENESS, type CheckJob, withDraft } from './check-job.js';

/**
 * The worker's young generation, in MB (V8 gives a worker 48): the worker is alive from the studio's
 * start, and an idle young generation of that size stays resident. A check's processor time was the
 * same at 48, 4 and 2 (the April issue with its text notes cleared, ~0.8 s; 1 MB of hostile text,
 * ~4 s), and the studio 8 MB smaller at 2.
 */
export const CHECKS_YOUNG_GENERATION_MB = 2;

export interface RunOptions {
  /** `issue` is an editor's unsaved draft (see `withDraft`); `content` is the studio's own. */
  draft?: boolean;
  /** Aborted: the run is dropped if it has not started (it rejects with a `CheckDropped`). */
  signal?: AbortSignal;
}

/** A queued run was dropped before it started: nobody was waiting for it any more. */
export class CheckDropped extends Error {
  constructor() {
    super('the checks were dropped before they started: nobody was waiting for them');
    this.name = 'CheckDropped';
  }
}

interface Pending {
  job: CheckJob & { content: Content };
  resolve: (r: CheckReport) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

export class CheckWorker {
  private worker?: Worker;
  private next = 1;
  /** Waiting their turn, oldest first. */
  private readonly queue: Pending[] = [];
  /** The run in the worker now. */
  private current?: Pending;
  /** The content the worker holds (the last it was sent). */
  private held?: Content;

  constructor(private readonly budgetMs = 60_000) {}

  /** The heap limits of the worker running now (undefined when none is). */
  get limits(): ResourceLimits | undefined {
    return this.worker?.resourceLimits;
  }

  run(paths: ProjectPaths, content: Content, issue: Issue, rendered: RenderedIssue, now: Date, o: RunOptions = {}): Promise<CheckReport> {
    const job = { id: this.next++, paths, content, issue, draft: o.draft ?? false, rendered, now: now.toISOString() };
    return new Promise((resolve, reject) => {
      if (o.signal?.aborted) return reject(new CheckDropped());
      const p: Pending = { job, resolve, reject };
      this.queue.push(p);
      o.signal?.addEventListener('abort', () => this.drop(p), { once: true });
      this.pump();
    });
  }

  /** Start the worker now, so the first page asked for does not wait for it to load the checks. */
  warm(): void {
    this.start();
  }

  close(): Promise<unknown> {
    for (const p of [...(this.current ? [this.current] : []), ...this.queue.splice(0)]) {
      clearTimeout(p.timer);
      p.reject(new Error('the studio closed before the checks finished'));
    }
    this.current = undefined;
    const w = this.worker;
    this.worker = undefined;
    return w ? w.terminate() : Promise.resolve();
  }

  private drop(p: Pending): void {
    const at = this.queue.indexOf(p);
    if (at < 0) return; // running or done: it finishes, and nobody reads it
    this.queue.splice(at, 1);
    p.reject(new CheckDropped());
  }

  /** The next run to the worker, when none is there. */
  private pump(): void {
    if (this.current) return;
    const p = this.queue.shift();
    if (!p) return;
    this.current = p;
    // The budget runs from when the job is sent: queued work is timed from its turn, not before.
    p.timer = setTimeout(() => this.overBudget(p), this.budgetMs);
    p.timer.unref();
    const worker = this.start();
    const { content, ...rest } = p.job;
    worker.postMessage(content === this.held ? rest : p.job);
    this.held = content;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Named from the folder above, so the address holds from src/, lib/ and the bundle (whose
    // import.meta.url is lib/cli/main.js, see scripts/bundle.mjs).
    const js = new URL('../workspace/check-worker-start.js', import.meta.url);
    // From src/ (tests, tsx) the worker is TypeScript: tsx's loader is registered in it first.
    // The worker runs tsc's lib/, which has no MJML baseline for the compatibility check: it is given
    // the bundle's, so it never loads MJML to work one out (check/compat/baseline.ts).
    const mjmlBaseline = builtBaseline();
    const resourceLimits = { maxYoungGenerationSizeMb: CHECKS_YOUNG_GENERATION_MB };
    // Making the worker's heap undoes the studio's small young generation: the worker sets it again
    // as it starts, and so does this thread once the worker is running.
    const youngGenerationSmall = youngGenerationKeptSmall();
    const worker = existsSync(fileURLToPath(js))
      ? new Worker(js, { workerData: { mjmlBaseline, youngGenerationSmall }, resourceLimits })
      : new Worker(
          "import('tsx/esm/api').then((tsx) => { tsx.register(); return import(require('node:worker_threads').workerData.main); })",
          {
            eval: true,
            workerData: { main: new URL('../workspace/check-worker-start.ts', import.meta.url).href, mjmlBaseline, youngGenerationSmall },
            resourceLimits,
          },
        );
    worker.unref();
    worker.once('online', () => keepItSmallAgain());
    worker.on('message', (m: { id: number; report?: CheckReport; error?: string }) => {
      const p = this.current;
      if (!p || p.job.id !== m.id) return;
      this.current = undefined;
      clearTimeout(p.timer);
      if (m.report) p.resolve(m.report);
      else p.reject(new Error(m.error));
      this.pump();
    });
    worker.on('error', (e) => this.restart(worker, e));
    this.worker = worker;
    this.held = undefined;
    return worker;
  }

  private overBudget(p: Pending): void {
    if (this.current !== p) return;
    this.current = undefined;
    const seconds = Math.round(this.budgetMs / 1000);
    p.resolve(
      checkReport(p.job.issue.id, p.job.rendered.hash, [
        {
          code: 'check/stopped',
          severity: 'error',
          section: null,
          message: `this issue's checks were stopped after ${seconds} s, most likely on a very long line (text pasted without breaks)`,
          fix: `break up or shorten the longest text in ${p.job.issue.file}, then run \`newsletter check ${p.job.issue.id}\` to see every finding`,
        },
      ]),
    );
    const stuck = this.worker;
    this.worker = undefined;
    void stuck?.terminate();
    this.pump();
  }

  private restart(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const p of [...(this.current ? [this.current] : []), ...this.queue.splice(0)]) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.current = undefined;
  }
}

let shared: { worker: CheckWorker; users: number } | undefined;

/** One worker for every studio in this process (tests open many); stopped when the last lets go. */
export function sharedCheckWorker(): { worker: CheckWorker; release(): Promise<unknown> } {
  shared ??= { worker: new CheckWorker(), users: 0 };
  const mine = shared;
  mine.users++;
  let released = false;
  return {
    worker: mine.worker,
    release: () => {
      if (released) return Promise.resolve();
      released = true;
      if (--mine.users > 0) return Promise.resolve();
      if (shared === mine) shared = undefined;
      return mine.worker.close();
    },
  };
}

// The studio runs an issue's checks in a worker thread, so one slow issue (1 MB pasted into a
// field) never stops the server answering other pages. Each run has a time budget: past it the
// worker is stopped, the report says so as a finding, and runs queued behind it go to a new worker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { builtBaseline } from '../check/compat/baseline.js';
import { report as checkReport } from '../check/index.js';
import type { CheckReport } from '../check/finding.js';
import type { Content, Issue } from '../content/schema.js';
import type { ProjectPaths } from '../pipeline.js';
import type { RenderedIssue } from '../render/index.js';

export interface CheckJob {
  id: number;
  paths: ProjectPaths;
  content: Content;
  issue: Issue;
  rendered: RenderedIssue;
  now: string;
}

interface Pending {
  job: CheckJob;
  resolve: (r: CheckReport) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

export class CheckWorker {
  private worker?: Worker;
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly budgetMs = 60_000) {}

  run(paths: ProjectPaths, content: Content, issue: Issue, rendered: RenderedIssue, now: Date): Promise<CheckReport> {
    const job: CheckJob = { id: this.next++, paths, content, issue, rendered, now: now.toISOString() };
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { job, resolve, reject });
      this.send(job);
    });
  }

  /** Start the worker now, so the first page asked for does not wait for it to load the checks. */
  warm(): void {
    this.start();
  }

  close(): Promise<unknown> {
    for (const p of this.pending.values()) p.reject(new Error('the studio closed before the checks finished'));
    this.pending.clear();
    const w = this.worker;
    this.worker = undefined;
    return w ? w.terminate() : Promise.resolve();
  }

  private send(job: CheckJob): void {
    const p = this.pending.get(job.id)!;
    // The budget runs from when the job is sent: queued work is timed from its turn, not before.
    clearTimeout(p.timer);
    p.timer = setTimeout(() => this.overBudget(job.id), this.budgetMs);
    p.timer.unref();
    this.start().postMessage(job);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // Named from the folder above, so the address holds from src/, lib/ and the bundle (whose
    // import.meta.url is lib/cli/main.js, see scripts/bundle.mjs).
    const js = new URL('../workspace/check-worker-main.js', import.meta.url);
    // From src/ (tests, tsx) the worker is TypeScript: tsx's loader is registered in it first.
    // The worker runs tsc's lib/, which has no MJML baseline for the compatibility check: it is given
    // the bundle's, so it never loads MJML to work one out (check/compat/baseline.ts).
    const mjmlBaseline = builtBaseline();
    const worker = existsSync(fileURLToPath(js))
      ? new Worker(js, { workerData: { mjmlBaseline } })
      : new Worker(
          "import('tsx/esm/api').then((tsx) => { tsx.register(); return import(require('node:worker_threads').workerData.main); })",
          {
            eval: true,
            workerData: { main: new URL('../workspace/check-worker-main.ts', import.meta.url).href, mjmlBaseline },
          },
        );
    worker.unref();
    worker.on('message', (m: { id: number; report?: CheckReport; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.report) p.resolve(m.report);
      else p.reject(new Error(m.error));
    });
    worker.on('error', (e) => this.restart(worker, e));
    this.worker = worker;
    return worker;
  }

  private overBudget(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
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
    for (const other of this.pending.values()) this.send(other.job);
  }

  private restart(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
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

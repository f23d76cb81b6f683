// The check's helper thread: a worker thread that does, on the second core, work of `check` that
// needs the content or the templates only, not the email, while this thread loads and renders:
// - it reads the issue's words for the text checks (read-ahead.ts says when and why);
// - started with a project's templates (bin/newsletter.cjs does so for a project's first check), it
//   compiles them with Handlebars as it starts, and loadTemplates takes that code when it was
//   compiled from the very texts it read itself.
// It runs lib/check-helper.cjs, that work alone bundled into one file by scripts/bundle.mjs
// (helper-thread-worker.ts is its entry), so the thread compiles only that. From src/ (tests, tsx)
// there is no such file, and this thread does all the work itself, as it would without a helper.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SentenceNote } from './plain-english/readability.js';
import type { AllowList } from './privacy/allow-list.js';
import type { Detection } from './privacy/detection.js';
import type { Issue } from '../content/schema.js';
import type { PrecompiledTemplates, TemplateKind } from '../render/templates.js';
import type { Finding } from './finding.js';

export interface CheckHelper {
  /** readability.ts's scoreParagraph, on the helper's thread. */
  score(prose: string): Promise<SentenceNote[]>;
  /** scan.ts's scanField, on the helper's thread. */
  scan(raw: string, allow: AllowList): Promise<Detection[]>;
  /**
   * plain-english/index.ts's plainEnglishIn, on the helper's thread, with the notes of paragraphs an
   * earlier run read (`known`, as TextMemory.recall takes them) and those it is asked to score.
   */
  plainEnglish(names: string[], issue: Issue, sent: boolean, known: [string, SentenceNote[]][]): Promise<Finding[]>;
  /** The templates of `kind` as the helper compiled them when it started; undefined if it was not asked to, or could not. */
  templates(kind: TemplateKind): Promise<PrecompiledTemplates | undefined>;
  /** Stop the thread; what is still asked of it fails (and this thread does that work itself). */
  close(): void;
}

/** A helper's thread started already (bin/newsletter.cjs does so), with what it was started with. */
export interface StartedHelper {
  worker: Worker;
  start: HelperStart;
}

/** What the helper's thread is started with (its workerData). */
export interface HelperStart {
  /** Compile the templates of this project folder as soon as the thread starts. */
  templatesOf?: string;
}

/** A request to the helper's thread; an allow-list is sent once, then named by its number. */
export type HelperRequest =
  | { id: number; score: string }
  | { id: number; scan: string; list: number; allow?: AllowList }
  | { id: number; plainEnglish: { names: string[]; issue: Issue; sent: boolean; known: [string, SentenceNote[]][] } };
/** An answer to a request, by its number; or, unasked, a kind of templates compiled (or not) as the thread started. */
export type HelperAnswer =
  | { id: number; notes?: SentenceNote[]; detections?: Detection[]; findings?: Finding[]; error?: string }
  | { templates: TemplateKind; compiled?: PrecompiledTemplates };

/** Beside the bundles in lib/ (named from the folder above, which holds from lib/ and from the bundle). */
export const HELPER_FILE = new URL('../check-helper.cjs', import.meta.url);

/** A helper on a thread of its own running `file`, or undefined when there is no such file. */
export function startHelper(file: URL = HELPER_FILE, start: HelperStart = {}): CheckHelper | undefined {
  if (file.protocol !== 'file:' || !existsSync(fileURLToPath(file))) return undefined;
  return helperOn(new Worker(fileURLToPath(file), { workerData: start }), start);
}

/**
 * A helper answered by `worker`, a thread running lib/check-helper.cjs (bin/ may have started it
 * already) with `start` as its workerData.
 */
export function helperOn(worker: Worker, start: HelperStart): CheckHelper {
  const pending = new Map<number, { resolve: (a: HelperAnswer) => void; reject: (e: Error) => void }>();
  const templates = new Map<TemplateKind, PrecompiledTemplates | undefined>();
  const waiting = new Map<TemplateKind, ((t: PrecompiledTemplates | undefined) => void)[]>();
  const lists = new WeakMap<AllowList, number>();
  let next = 1;
  let ended: Error | undefined;
  // The thread keeps the process alive only while something is asked of it.
  worker.unref();
  const end = (e: Error) => {
    ended ??= e;
    for (const p of pending.values()) p.reject(ended);
    pending.clear();
    for (const list of waiting.values()) for (const give of list) give(undefined);
    waiting.clear();
  };
  const settled = () => {
    if (pending.size === 0 && waiting.size === 0) worker.unref();
  };
  worker.on('message', (a: HelperAnswer) => {
    if ('templates' in a) {
      templates.set(a.templates, a.compiled);
      for (const give of waiting.get(a.templates) ?? []) give(a.compiled);
      waiting.delete(a.templates);
      return settled();
    }
    const p = pending.get(a.id);
    if (!p) return;
    pending.delete(a.id);
    settled();
    if (a.error !== undefined) p.reject(new Error(`the check's helper thread failed: ${a.error}`));
    else p.resolve(a);
  });
  worker.on('error', (e) => end(e));
  worker.on('exit', (code) => end(new Error(`the check's helper thread stopped (exit code ${code})`)));
  const ask = (request: HelperRequest): Promise<HelperAnswer & { id: number }> =>
    new Promise((resolve, reject) => {
      if (ended) return reject(ended);
      worker.ref();
      pending.set(request.id, { resolve: resolve as (a: HelperAnswer) => void, reject });
      worker.postMessage(request);
    });
  return {
    score: (prose) => ask({ id: next++, score: prose }).then((a) => ('notes' in a && a.notes) || []),
    scan: (raw, allow) => {
      const known = lists.get(allow);
      const list = known ?? next;
      if (known === undefined) lists.set(allow, list);
      return ask({ id: next++, scan: raw, list, ...(known === undefined ? { allow } : {}) }).then(
        (a) => ('detections' in a && a.detections) || [],
      );
    },
    plainEnglish: (names, issue, sent, known) =>
      ask({ id: next++, plainEnglish: { names, issue, sent, known } }).then((a) => ('findings' in a && a.findings) || []),
    templates: (kind) => {
      if (templates.has(kind) || ended || start.templatesOf === undefined) return Promise.resolve(templates.get(kind));
      worker.ref();
      return new Promise((give) => waiting.set(kind, [...(waiting.get(kind) ?? []), give]));
    },
    close: () => {
      end(new Error("the check's helper thread was closed"));
      void worker.terminate();
    },
  };
}

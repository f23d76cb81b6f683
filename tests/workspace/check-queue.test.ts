// Issue 27: the studio's check worker takes one run at a time, so a run nobody waits for any more
// (a draft superseded by the next keystroke) is dropped before it starts; it is sent the content
// only when that changed; its thread gives way to the studio's own (Linux: a niceness of its own);
// and its young generation is kept small, as it is alive from the studio's start.
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Content, Issue } from '../../src/content/schema.js';
import { findIssue, loadProject, loadTemplates } from '../../src/pipeline.js';
import { renderIssue, type RenderedIssue } from '../../src/render/index.js';
import { CheckDropped, CHECKS_NICENESS, CHECKS_YOUNG_GENERATION_MB, CheckWorker, withDraft } from '../../src/workspace/check-worker.js';
import { type TempProject, tempProject } from '../helpers/project.js';

let project: TempProject;
let content: Content;
let april: Issue;
let rendered: RenderedIssue;
const now = new Date('2022-03-30T09:00:00Z');

beforeAll(async () => {
  project = await tempProject();
  content = (await loadProject(project.paths)).content!;
  april = findIssue(content, '2022-04');
  rendered = await renderIssue(content, april, await loadTemplates(project.paths));
});
afterAll(() => project?.remove());

describe('the check worker', () => {
  it('drops a queued run whose asker stopped waiting, and still finishes the one before it', async () => {
    const worker = new CheckWorker();
    try {
      const first = worker.run(project.paths, content, april, rendered, now);
      const stop = new AbortController();
      const second = worker.run(project.paths, content, april, rendered, now, { signal: stop.signal });
      stop.abort();
      await expect(second).rejects.toBeInstanceOf(CheckDropped);
      expect((await first).issue).toBe('2022-04');
      // A run asked for with a signal already aborted never queues.
      await expect(worker.run(project.paths, content, april, rendered, now, { signal: stop.signal })).rejects.toBeInstanceOf(CheckDropped);
    } finally {
      await worker.close();
    }
  });

  it('sends the content once while it stays the same, a draft as its issue alone, and the same findings', async () => {
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    const worker = new CheckWorker();
    try {
      const saved = await worker.run(project.paths, content, april, rendered, now);
      const draft = { ...april, preheader: `${april.preheader} Call 0113 496 0000 to find out more.` };
      const drafted = await worker.run(project.paths, content, draft, rendered, now, { draft: true });
      const other = { ...content };
      await worker.run(project.paths, other, april, rendered, now);
      const sent = posted.mock.calls.map(([job]) => (job as { content?: Content }).content);
      expect(sent).toEqual([content, undefined, other]);
      // The draft was checked as the draft: its preheader's phone number is found; the saved issue's is not there.
      const phone = (r: typeof saved) => r.findings.filter((f) => f.message.includes('0113 496 0000')).length;
      expect(phone(saved)).toBe(0);
      expect(phone(drafted)).toBeGreaterThan(0);
    } finally {
      posted.mockRestore();
      await worker.close();
    }
  });

  it('puts a draft in place of the issue as saved, and leaves the others', () => {
    const draft = { ...april, subject: 'Draft subject' };
    const out = withDraft(content, draft);
    expect(out.issues.filter((i) => i.id === '2022-04')).toEqual([draft]);
    expect(out.issues.length).toBe(content.issues.length);
    expect(out.reviews).toBe(content.reviews);
  });

  it.runIf(process.platform === 'linux')('runs the checks in a thread of lower priority than the studio', async () => {
    const niceness = () =>
      readdirSync('/proc/self/task').map((tid) =>
        Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]),
      );
    // Lower than the studio's own, which may already run under `nice` (as CI's tests may).
    const lower = Math.min(19, getPriority() + CHECKS_NICENESS);
    expect(niceness()).not.toContain(lower);
    const worker = new CheckWorker();
    try {
      await worker.run(project.paths, content, april, rendered, now);
      expect(niceness()).toContain(lower);
    } finally {
      await worker.close();
    }
  });

  it('runs the checks with a young generation of CHECKS_YOUNG_GENERATION_MB, not the 48 MB a worker gets unasked', async () => {
    const worker = new CheckWorker();
    try {
      expect(worker.limits).toBeUndefined();
      await worker.run(project.paths, content, april, rendered, now);
      expect(worker.limits?.maxYoungGenerationSizeMb).toBe(CHECKS_YOUNG_GENERATION_MB);
    } finally {
      await worker.close();
    }
  });
});

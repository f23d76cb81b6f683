// Issue 22: a save in the studio never overwrites a change made to the file outside it. Another
// process rewrites the preheader in a loop (temporary file + rename) while the studio saves the
// subject again and again: every outside write survives, and every studio save too.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDraft, editorOverHttp, rawRequest, type Running, runPreview } from '../../helpers/preview-server.js';

const FILE = 'issues/2099-01/issue.yaml';
const WRITER = fileURLToPath(new URL('../outside-writer.mjs', import.meta.url));
let run: Running;

beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'));
});
afterAll(() => run?.stop());

// A program that ignores the lock can still land its rename in the few microseconds between the
// studio's compare and its own rename (two system calls; no portable call makes them one). On a
// loaded machine a descheduled studio process widens that window, so the loop is tried up to three
// times; without the compare-and-retry about half the outside writes are lost in every try.
it('a loop of outside writes during studio saves loses nothing', { retry: 2 }, async () => {
  const editor = await editorOverHttp(run.url, '2099-01');
  let hash = editor.hash;
  const headers = editor.headers;
  const file = path.join(run.project.paths.content, FILE);
  const writer = promisify(execFile)(process.execPath, [WRITER, file, '40', '50']);
  let saves = 0;
  let merged = 0;
  let stop = false;
  void writer.finally(() => (stop = true));
  const studioSaves = async () => {
    while (!stop) {
      saves++;
      const body = JSON.stringify({ file: FILE, hash, ops: [{ op: 'set', path: ['subject'], value: `Studio save ${saves}` }] });
      const r = await rawRequest(run.url, 'POST', '/api/edit/save', headers, body);
      expect(r.status, r.body).toBe(200);
      const reply = JSON.parse(r.body) as { hash: string; merged: boolean };
      hash = reply.hash;
      if (reply.merged) merged++;
    }
  };
  // The writer runs to its end even when a save fails, so the folder is not removed under it.
  const [studio, written] = await Promise.allSettled([studioSaves(), writer]);
  if (studio.status === 'rejected') throw studio.reason;
  if (written.status === 'rejected') throw written.reason;
  const outside = JSON.parse(written.value.stdout) as { writes: number; lost: number; last: string };
  expect(outside.lost).toBe(0);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(`preheader: "${outside.last}"`);
  expect(text).toContain(`subject: "Studio save ${saves}"`);
  // The two really did interleave: saves were merged with outside writes.
  expect(merged).toBeGreaterThan(0);
});

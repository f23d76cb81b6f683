// The lock beside a file being saved: one holder at a time, a dead holder's lock taken over.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LockBusy, lockBeside, lockPathOf, STALE_MS, stillHolds } from '../../src/files/lock.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-lock-'));
  file = path.join(dir, 'issue.yaml');
  await writeFile(file, 'subject: "A"\n');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('lets one holder at a time; the second waits for the release, or is told the file is busy', async () => {
  const release = await lockBeside(file);
  expect(await readFile(lockPathOf(file), 'utf8')).toBe(`${process.pid}\n`);
  await expect(lockBeside(file, 100)).rejects.toBeInstanceOf(LockBusy);
  const order: string[] = [];
  const second = lockBeside(file).then((r) => (order.push('second'), r));
  await new Promise((r) => setTimeout(r, 60));
  order.push('released');
  await release();
  await (
    await second
  )();
  expect(order).toEqual(['released', 'second']);
});

it('takes over a lock whose process is gone, or one older than STALE_MS', async () => {
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
  await writeFile(lockPathOf(file), `${gone}\n`);
  await (
    await lockBeside(file, 100)
  )();
  await writeFile(lockPathOf(file), `${process.pid}\n`);
  const old = (Date.now() - STALE_MS - 1000) / 1000;
  await utimes(lockPathOf(file), old, old);
  await (
    await lockBeside(file, 100)
  )();
});

it('tells whether a file still holds the text read', async () => {
  expect(stillHolds(file, 'subject: "A"\n')).toBe(true);
  await writeFile(file, 'subject: "B"\n');
  expect(stillHolds(file, 'subject: "A"\n')).toBe(false);
  expect(stillHolds(path.join(dir, 'gone.yaml'), '')).toBe(false);
});

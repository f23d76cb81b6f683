// Issue 27: the studio reads every sent record at start (statuses, the list of issues) and the
// public archive on every request. What it keeps of each is the record without its bodies; a page
// that shows a sent issue reads that issue's bodies then, checked against the hashes as before.
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { listSentRecords, readSentRecord, readSentSnapshot, sentDir } from '../../src/archive/sent.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(() => project.remove());

it('the records kept for lists hold no bodies, and a sent issue is still read whole when asked', async () => {
  const [record] = await listSentRecords(project.paths);
  expect(record!.snapshot.issueId).toBe('2022-04');
  expect(Object.keys(record!.snapshot)).not.toEqual(expect.arrayContaining(['html']));
  for (const body of ['html', 'text', 'web']) expect(record!.snapshot).not.toHaveProperty(body);
  expect(await readSentRecord(project.paths, '2022-04')).toBe(record); // remembered, not read again
  const whole = (await readSentSnapshot(project.paths, '2022-04'))!;
  const dir = sentDir(project.paths, '2022-04');
  expect(whole.snapshot.html).toBe(await readFile(path.join(dir, 'email.html'), 'utf8'));
  expect(whole.snapshot.web).toBe(await readFile(path.join(dir, 'web.html'), 'utf8'));
  expect(whole.snapshot.hash).toBe(record!.snapshot.hash);
});

it('a body changed after its record was remembered is refused, even with its size and modification time kept', async () => {
  await listSentRecords(project.paths);
  const file = path.join(sentDir(project.paths, '2022-04'), 'web.html');
  const text = await readFile(file, 'utf8');
  const when = new Date('2026-01-01T00:00:00Z');
  await utimes(file, when, when);
  await listSentRecords(project.paths); // remembered with this modification time
  await writeFile(file, text.replace('<body', '<BODY'));
  await utimes(file, when, when);
  await expect(readSentRecord(project.paths, '2022-04')).rejects.toMatchObject({ code: 'snapshot-damaged' });
  await expect(readSentSnapshot(project.paths, '2022-04')).rejects.toMatchObject({ code: 'snapshot-damaged' });
});

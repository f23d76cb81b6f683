// A cached render does no picture work: once a picture is processed, loading and rendering again
// neither reads its file nor calls sharp. The file's identity (path, size, mtime) is the first key;
// a touched file with the same bytes is read and hashed again but not processed; new bytes are.
// Counted in calls, not time (speed lives in the bench).
import { rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { findIssue, loadProject, loadTemplates } from '../../src/pipeline.js';
import { renderIssue } from '../../src/render/index.js';
import type { TempProject } from '../helpers/project.js';
import { aprilWithPictures, phonePhoto } from './fixtures.js';

const calls = vi.hoisted(() => ({ sharp: 0, reads: [] as string[] }));

vi.mock('sharp', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (...a: unknown[]) => unknown }).default;
  const counted = Object.assign((...args: unknown[]) => {
    calls.sharp++;
    return real(...args);
  }, real);
  return { default: counted };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = (await importOriginal()) as typeof import('node:fs/promises');
  const readFile = ((file: unknown, ...rest: unknown[]) => {
    calls.reads.push(String(file));
    return (real.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof real.readFile;
  return { ...real, readFile, default: { ...real, readFile } };
});

let project: TempProject | undefined;
beforeEach(async () => {
  project = await aprilWithPictures();
});
afterEach(() => project?.remove());

const PHOTO = 'content/issues/2022-04/images/residential-setting.jpg';
const pictureReads = () => calls.reads.filter((f) => /[\\/]images[\\/]/.test(f) && !f.includes('.cache'));

/** Load and render April; what it cost in sharp calls and reads of picture files. */
async function renderCounted(p: TempProject): Promise<{ sharp: number; reads: string[]; html: string }> {
  calls.sharp = 0;
  calls.reads = [];
  const loaded = await loadProject(p.paths);
  const rendered = await renderIssue(loaded.content!, findIssue(loaded.content!, '2022-04'), await loadTemplates(p.paths));
  return { sharp: calls.sharp, reads: pictureReads(), html: rendered.html };
}

test('a second load and render reads no picture file and calls sharp not at all, and gives the same email', async () => {
  const first = await renderCounted(project!);
  expect(first.sharp).toBeGreaterThan(0);
  expect(first.reads.map((f) => path.basename(f)).sort()).toEqual(['panel-logo.png', 'residential-setting.jpg']);
  const second = await renderCounted(project!);
  expect(second).toEqual({ sharp: 0, reads: [], html: first.html });
  // A text edit is not a picture change either.
  await project!.edit('content/issues/2022-04/issue.yaml', /^subject: .*$/m, 'subject: Another subject');
  const edited = await renderCounted(project!);
  expect(edited).toMatchObject({ sharp: 0, reads: [] });
  // A removed picture cache is filled again, even though the files have not changed.
  await rm(path.join(project!.root, '.cache/images'), { recursive: true, force: true });
  const refilled = await renderCounted(project!);
  expect(refilled.reads).toHaveLength(2);
  expect(refilled.sharp).toBeGreaterThan(0);
  expect(refilled.html).toBe(edited.html);
});

test('a touched file with the same bytes is read and hashed again but not processed; new bytes are processed', async () => {
  await renderCounted(project!);
  const photo = path.join(project!.root, PHOTO);
  const later = new Date(Date.now() + 60_000);
  await utimes(photo, later, later);
  const touched = await renderCounted(project!);
  expect(touched.reads.map((f) => path.basename(f))).toEqual(['residential-setting.jpg']);
  expect(touched.sharp).toBe(0);
  await writeFile(photo, await phonePhoto(1600, 1200, 80));
  calls.sharp = 0;
  const changed = await renderCounted(project!);
  expect(changed.reads.map((f) => path.basename(f))).toEqual(['residential-setting.jpg']);
  expect(changed.sharp).toBeGreaterThan(0);
});

// A build asked again with nothing changed says what it said and stops: it loads no content. What
// it trusts is each file's stamp (inode, size, modification and change times), so these tests
// change files the ways stamps must see: the same size with the modification time put back, a
// file deleted, a folder added. `settle` waits past the clock tick in which a file counts as
// racy (build-stamps.ts), so that stamps, not hashes, are what is tested.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { stampNow } from '../../src/files/stamps.js';
import * as pipeline from '../../src/pipeline.js';
import { addDraft } from '../helpers/preview-server.js';
import { type TempProject, tempProject } from '../helpers/project.js';

vi.mock('../../src/pipeline.js', async (original) => {
  const real = await original<typeof import('../../src/pipeline.js')>();
  return { ...real, loadProject: vi.fn(real.loadProject) };
});
const loads = vi.mocked(pipeline.loadProject);

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
  await addDraft(project);
});
afterEach(() => project.remove());

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function build(): Promise<{ out: string; err: string }> {
  const said = { out: '', err: '' };
  const io = { out: (s: string) => (said.out += `${s}\n`), err: (s: string) => (said.err += `${s}\n`), color: false } as unknown as Io;
  expect(await main(['build'], io, project.root)).toBe(0);
  return said;
}

/** Built twice, the second time recorded as a whole build with settled files: the next build may trust stamps. */
async function builtAndSettled(): Promise<{ out: string; err: string }> {
  await build();
  await settle();
  const said = await build();
  await settle();
  loads.mockClear();
  return said;
}

/** A whole second, so that utimes can put it back exactly (it takes seconds as a float). */
const WHEN = new Date('2026-01-01T00:00:00Z');

/** Give `file` a modification time utimes can put back exactly; the stamps are then taken again. */
async function roundTime(file: string): Promise<void> {
  await utimes(file, WHEN, WHEN);
  await settle();
  await build(); // found right by its hash, so its new stamp is kept
  await settle();
  loads.mockClear();
}

/** Rewrite a file in place with other bytes of the same length, and put its modification time back. */
async function sameSizeSameTime(file: string, from: string, to: string): Promise<void> {
  const before = await stat(file, { bigint: true });
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  expect(to.length).toBe(from.length);
  await writeFile(file, text.replace(from, to));
  await utimes(file, WHEN, WHEN);
  const after = await stat(file, { bigint: true });
  expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
  expect(after.ctimeNs).not.toBe(before.ctimeNs); // what the stamp sees
  await settle(); // no longer racy: only the stamp can tell
}

describe('a build with nothing changed', () => {
  it('loads no content and says what the last build would say now, warnings included', async () => {
    // A sent issue's file edited since it was sent: every build warns about it.
    await project.edit('content/issues/2022-04/issue.yaml', 'Welcome', 'Hello!!');
    const said = await builtAndSettled();
    expect(said.err).toMatch(/2022-04 was sent on .* has been edited since/);
    const again = await build();
    expect(loads).not.toHaveBeenCalled();
    expect(again).toEqual(said);
    expect(again.out).toContain('2099-01 unchanged → ');
  });

  it('an output edited in place, same size and modification time, is written again', async () => {
    await builtAndSettled();
    const file = path.join(project.root, 'dist/issues/2099-01/email.html');
    const good = await readFile(file, 'utf8');
    await roundTime(file);
    await sameSizeSameTime(file, '<body', '<BODY');
    expect((await build()).out).toMatch(/^built 2099-01 /m);
    expect(await readFile(file, 'utf8')).toBe(good);
  });

  it('an input edited in place, same size and modification time, is built again', async () => {
    await builtAndSettled();
    const file = path.join(project.root, 'content/issues/2099-01/issue.yaml');
    await roundTime(file);
    await sameSizeSameTime(file, 'title: Welcome', 'title: Wxlcome');
    expect((await build()).out).toMatch(/^built 2099-01 /m);
    expect(loads).toHaveBeenCalled();
    expect(await readFile(path.join(project.root, 'dist/issues/2099-01/email.txt'), 'utf8')).toContain('Wxlcome');
  });

  it('a deleted output is written again, and an issue added is built', async () => {
    await builtAndSettled();
    await rm(path.join(project.root, 'dist/issues/2022-04/web.html'));
    expect((await build()).out).toMatch(/^built 2022-04 /m);
    await settle();
    await addDraft(project, '2099-02', 'Draft newsletter: February 2099');
    expect((await build()).out).toMatch(/^built 2099-02 /m);
  });

  it('a damaged record only means building in full', async () => {
    await builtAndSettled();
    await writeFile(path.join(project.root, '.cache/build-state.json'), '{"version":2,"issues":{},"last":{"key":1}}');
    const before = await readFile(path.join(project.root, 'dist/issues/2099-01/email.html'), 'utf8');
    expect((await build()).out).toMatch(/^built 2099-01 /m);
    expect(loads).toHaveBeenCalled();
    expect(await readFile(path.join(project.root, 'dist/issues/2099-01/email.html'), 'utf8')).toBe(before);
  });
});

it('a file changed within a clock tick of now gets no stamp, so it is read and hashed next time', async () => {
  const file = path.join(project.root, 'content/newsletter.yaml');
  await settle();
  expect(stampNow(file)).not.toBe('');
  const soon = new Date(Date.now() + 60_000); // as a change made in the same tick would look, whatever the machine's speed
  await utimes(file, soon, soon);
  expect(stampNow(file)).toBe('');
});

// Issue 27: a save is taken in at the watcher's first look, unless that look brings a problem
// that was not there before (perhaps a file read half-written): then nothing is shown or told
// until the settled look has read the files again.
import { describe, expect, it } from 'vitest';
import { takeInChanges } from '../../src/server/take-in.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** A workspace whose problems after each refresh are given in turn; it records what it refreshed. */
function fakeWorkspace(problemsAfter: string[][]) {
  let problems: string[] = [];
  const refreshed: string[][] = [];
  const ws = {
    problems: () => problems,
    refresh: async (files: string[]) => {
      refreshed.push(files);
      problems = problemsAfter.shift() ?? [];
      return ['2099-01'];
    },
  } as unknown as Workspace;
  return { ws, refreshed };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('taking in a save', () => {
  it('takes a clean first look at once, and does not read the files again when they settle', async () => {
    const { ws, refreshed } = fakeWorkspace([[]]);
    const taken: string[][] = [];
    const look = takeInChanges(ws, { taken: async (files) => void taken.push([...files]), onError: (e) => expect.fail(String(e)) });
    look(['/p/content/issues/2099-01/issue.yaml'], false);
    await settle();
    expect(taken).toEqual([['/p/content/issues/2099-01/issue.yaml']]);
    look(['/p/content/issues/2099-01/issue.yaml'], true);
    await settle();
    expect(refreshed.length).toBe(1);
    expect(taken.length).toBe(1);
  });

  it('holds back a first look with a new problem, and takes the settled look after reading again', async () => {
    const { ws, refreshed } = fakeWorkspace([['issue.yaml:1:1 the file is empty'], []]);
    const taken: string[][] = [];
    const look = takeInChanges(ws, { taken: async (files) => void taken.push([...files]), onError: (e) => expect.fail(String(e)) });
    look(['/p/content/issues/2099-01/issue.yaml'], false);
    await settle();
    expect(taken).toEqual([]);
    look(['/p/content/issues/2099-01/issue.yaml'], true);
    await settle();
    expect(refreshed.length).toBe(2);
    expect(taken).toEqual([['/p/content/issues/2099-01/issue.yaml']]);
  });

  it('a problem that stands once the writes have settled is told then', async () => {
    const broken = ['issue.yaml:7:9 status: must be "draft" or "sent"'];
    const { ws } = fakeWorkspace([broken, broken]);
    const told: string[][] = [];
    const look = takeInChanges(ws, { taken: async () => void told.push([...ws.problems('all')]), onError: (e) => expect.fail(String(e)) });
    look(['/p/content/issues/2099-01/issue.yaml'], false);
    look(['/p/content/issues/2099-01/issue.yaml'], true);
    await settle();
    expect(told).toEqual([broken]);
  });
});

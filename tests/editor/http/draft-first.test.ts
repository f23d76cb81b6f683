// The editor's preview shows the email first: a draft's checks wait until the frame has had it,
// run once however often the findings are asked for, and never for a draft no one asks about;
// a draft superseded by the page's next edit answers at once, and its checks are dropped.
import { describe, expect, it } from 'vitest';
import { Draft, EditorState, SUPERSEDED } from '../../../src/editor/http/guard.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('a draft render and its checks', () => {
  it('checks only after the frame has the email, and once', async () => {
    let runs = 0;
    const draft = new Draft('<p>email</p>', async () => [`run ${++runs}`]);
    const asked = draft.findings();
    await turn();
    expect(runs).toBe(0);
    draft.shown();
    expect(await asked).toEqual(['run 1']);
    expect(await draft.findings()).toEqual(['run 1']);
    expect(runs).toBe(1);
  });

  it('never checks a draft whose findings no one asks for', async () => {
    let runs = 0;
    const state = new EditorState();
    const id = state.putDraft('<p>email</p>', async () => ++runs);
    state.draft(id)!.shown();
    await turn();
    expect(runs).toBe(0);
  });

  it('superseded while its findings are awaited: answers at once, and its checks are told to stop', async () => {
    let signal: AbortSignal | undefined;
    let finish!: (v: unknown) => void;
    const draft = new Draft('<p>email</p>', (s) => {
      signal = s;
      return new Promise((resolve) => (finish = resolve));
    });
    draft.shown();
    const asked = draft.findings();
    await turn();
    expect(signal?.aborted).toBe(false);
    draft.superseded();
    expect(await asked).toBe(SUPERSEDED);
    expect(signal?.aborted).toBe(true);
    finish(['late']);
    expect(await draft.findings()).toBe(SUPERSEDED);
  });

  it('superseded before anyone asked: its checks start already stopped', async () => {
    const signals: AbortSignal[] = [];
    const draft = new Draft('<p>email</p>', async (s) => {
      signals.push(s);
      return [];
    });
    draft.shown();
    draft.superseded();
    expect(await draft.findings()).toBe(SUPERSEDED);
    await turn();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});

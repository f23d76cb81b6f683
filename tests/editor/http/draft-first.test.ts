// The editor's preview shows the email first: a draft's checks wait until the frame has had it,
// run once however often the findings are asked for, and never for a draft no one asks about.
import { describe, expect, it } from 'vitest';
import { Draft, EditorState } from '../../../src/editor/http/guard.js';

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
});

// Issue 22: an edit request's path is hostile until checked. Every path below is refused (or
// answered with a message) without touching Object.prototype, and the studio keeps answering 200
// afterwards, also after a content change (a polluted process answered 500 from then on).
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyToData } from '../../../src/editor/paths.js';
import { addDraft, editorOverHttp, rawGet, rawRequest, type Running, runPreview } from '../../helpers/preview-server.js';

const FILE = 'issues/2099-01/issue.yaml';
const HOSTILE: (string | number)[][] = [
  ['__proto__', 'polluted'],
  ['constructor', 'prototype', 'polluted'],
  ['sections', 0, '__proto__', 'polluted'],
  ['sections', '__proto__'],
  ['sections', 0, 'constructor', 'prototype', 'polluted'],
  ['prototype'],
  ['toString'],
  ['hasOwnProperty', 'x'],
  ['subject', 'length'],
  ['sections', 'length'],
  ['sections', 99999],
  ['preheader', 0],
  ['nosuchfield', 'deeper'],
];

let run: Running;
let headers: Record<string, string>;
let hash: string;
const changes: unknown[] = [];

beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'), { onChange: (issues) => changes.push(issues) });
  ({ hash, headers } = await editorOverHttp(run.url, '2099-01'));
});
afterAll(() => run?.stop());

const polluted = () => Object.keys(Object.prototype).length > 0 || 'polluted' in {};

describe('hostile edit paths', () => {
  it('are refused by the data walk itself, before any object is touched', () => {
    for (const p of [
      ['__proto__', 'polluted'],
      ['constructor', 'prototype', 'polluted'],
    ])
      expect(() => applyToData({ subject: 'x' }, { op: 'set', path: p, value: 'yes' })).toThrow(/is not a field of this file/);
    expect(polluted()).toBe(false);
  });

  it('leave Object.prototype alone and the studio answering, also after a content change', async () => {
    const values = ['yes', { polluted: 'yes' }, ['yes'], null];
    for (const p of HOSTILE)
      for (const op of [
        ...values.map((value) => ({ op: 'set', path: p, value })),
        { op: 'insert', path: p, index: 0, value: { type: 'news' } },
        { op: 'remove', path: p, index: 0 },
        { op: 'move', path: p, from: 0, to: 1 },
      ])
        for (const api of ['save', 'preview']) {
          const r = await rawRequest(run.url, 'POST', `/api/edit/${api}`, headers, JSON.stringify({ file: FILE, hash, ops: [op] }));
          expect(r.status, `${api} ${JSON.stringify(op)}`).toBeLessThan(500);
          expect(polluted(), `${api} ${JSON.stringify(op)}`).toBe(false);
        }
    expect(run.errors).toEqual([]);
    const before = changes.length;
    await appendFile(path.join(run.project.paths.content, FILE), '# a change made outside the studio\n');
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(before);
    for (const page of ['/', '/issues/2099-01/', '/issues/2022-04/', '/issues/2099-01/edit/'])
      expect((await rawGet(run.url, page)).status, page).toBe(200);
  });
});

// Issue 27, over HTTP: the editor's preview answer carries the email, and a preview that names
// the draft it supersedes has that draft's findings request answered at once ("superseded"), so a
// browser's few connections are not held by findings nobody will read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDraft, editorOverHttp, rawGet, rawRequest, type Running, runPreview } from '../../helpers/preview-server.js';

let run: Running;
let headers: Record<string, string>;
let hash: string;

beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'));
  const editor = await editorOverHttp(run.url, '2099-01');
  hash = editor.hash;
  headers = { ...editor.headers, 'sec-fetch-site': 'same-origin' };
});
afterAll(() => run?.stop());

async function preview(title: string, supersedes?: string): Promise<{ html: string; findings: string; draft: string }> {
  const body = JSON.stringify({
    file: 'issues/2099-01/issue.yaml',
    hash,
    ops: [{ op: 'set', path: ['sections', 4, 'title'], value: title }],
    supersedes,
  });
  const r = await rawRequest(run.url, 'POST', '/api/edit/preview', headers, body);
  expect(r.status).toBe(200);
  return JSON.parse(r.body) as { html: string; findings: string; draft: string };
}

describe('draft previews', () => {
  it('carry the email, the same the draft address serves', async () => {
    const r = await preview('Carried in the answer');
    expect(r.html).toContain('>Carried in the answer</h2>');
    expect((await rawGet(run.url, r.draft)).body).toBe(r.html);
  });

  it('a superseded draft answers its findings request at once; the current one gets its findings', async () => {
    const first = await preview('First heading');
    const second = await preview('Second heading', first.findings.split('/').pop());
    expect(JSON.parse((await rawGet(run.url, first.findings)).body)).toEqual({ superseded: true });
    const found = JSON.parse((await rawGet(run.url, second.findings)).body) as { findings: unknown[] };
    expect(Array.isArray(found.findings)).toBe(true);
  });
});

// Each refusal of the editor's writing requests, over raw HTTP: only the studio's own editor page,
// from this computer, with this process's key, JSON under the cap, a file on the allow-list.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDraft, type Running, rawGet, rawRequest, runPreview } from '../../helpers/preview-server.js';

let run: Running;
let pub: Running;
let token: string;
let origin: string;
let hash: string;
// A draft: the editor does not write a sent issue (a refusal of its own, in studio-sent.test.ts).
const FILE = 'issues/2099-01/issue.yaml';

beforeAll(async () => {
  [run, pub] = await Promise.all([runPreview('studio', (p) => addDraft(p, '2099-01')), runPreview('public')]);
  const page = await rawGet(run.url, '/issues/2099-01/edit/');
  token = /<meta name="studio-token" content="([^"]+)">/.exec(page.body)![1]!;
  hash = /data-hash="([0-9a-f]{64})"/.exec(page.body)![1]!;
  origin = run.url;
});
afterAll(async () => {
  await run?.stop();
  await pub?.stop();
});

const edit = (file = FILE) => JSON.stringify({ file, hash, ops: [{ op: 'set', path: ['preheader'], value: 'Changed' }] });
const without = (key: string) => Object.fromEntries(Object.entries(good()).filter(([k]) => k !== key));
const good = (): Record<string, string> => ({
  origin,
  'sec-fetch-site': 'same-origin',
  'x-studio-token': token,
  'content-type': 'application/json',
});
const save = (headers: Record<string, string>, body = edit(), base = run.url) => rawRequest(base, 'POST', '/api/edit/save', headers, body);
const onDisk = () => readFile(path.join(run.project.paths.content, FILE), 'utf8');

describe('editor requests that are refused, and nothing written', () => {
  it('from another origin, or a cross-site fetch', async () => {
    const before = await onDisk();
    expect((await save({ ...good(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await save({ ...good(), origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect((await save(without('origin'))).status).toBe(403);
    expect((await save({ ...good(), 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await save({ ...good(), 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect(await onDisk()).toBe(before);
  });

  it('without the key, or with another', async () => {
    const r = await save(without('x-studio-token'));
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({
      error: 'The page is out of date (the studio was restarted): reload it and make the change again.',
    });
    expect((await save({ ...good(), 'x-studio-token': token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) })).status).toBe(403);
  });

  it('to a Host that is not loopback (DNS rebinding)', async () => {
    expect((await save({ ...good(), host: 'evil.example' })).status).toBe(404);
  });

  it('as a form post or plain text, or too large', async () => {
    expect((await save({ ...good(), 'content-type': 'application/x-www-form-urlencoded' }, 'file=x')).status).toBe(415);
    expect((await save({ ...good(), 'content-type': 'text/plain' })).status).toBe(415);
    const huge = JSON.stringify({ file: FILE, hash, ops: [{ op: 'set', path: ['preheader'], value: 'x'.repeat(300 * 1024) }] });
    expect((await save(good(), huge)).status).toBe(413);
    expect((await save(good(), '{not json')).status).toBe(400);
  });

  it('for a file outside the allow-list: traversal, other files, absolute paths', async () => {
    for (const file of [
      '../package.json',
      'issues/../../package.json',
      'newsletter.yaml',
      '/etc/passwd',
      'issues/2022-04/../../regions.yaml',
      'issues/2022-04/sent.json',
    ]) {
      const r = await save(good(), edit(file));
      expect([r.status, JSON.parse(r.body).error]).toEqual([403, `${file} is not a content file the editor may change.`]);
    }
  });

  it('in public mode, where the editor does not exist', async () => {
    expect((await save({ ...good(), origin: pub.url }, edit(), pub.url)).status).toBe(404);
    expect((await rawGet(pub.url, '/issues/2022-04/edit/')).status).toBe(404);
    expect((await rawGet(pub.url, '/new-issue/')).status).toBe(404);
  });

  it("a sent issue's editor says so before anything is changed", async () => {
    expect((await rawGet(run.url, '/issues/2022-04/edit/')).body).toContain('This issue has been sent.');
  });

  it('while a request with everything right is saved', async () => {
    const r = await save(good());
    expect(r.status).toBe(200);
    expect(await onDisk()).toContain('preheader: "Changed"\n');
  });
});

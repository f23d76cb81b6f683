// A save made on a stale copy, over raw HTTP as two people (told apart by `personOf`): never
// applied silently — merged where the two changed different things, a choice where they changed
// the same — and the answer names the person whose save it met; not a name guessed for a change
// made outside the editor, nor one's own name.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDraft, type Running, rawGet, rawRequest, runPreview } from '../../helpers/preview-server.js';

const FILE = 'issues/2099-01/issue.yaml';
let run: Running;
let token: string;

beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'), {
    personOf: (req) => {
      const name = req.headers['x-test-person'];
      return typeof name === 'string' ? { name } : undefined;
    },
  });
  token = /<meta name="studio-token" content="([^"]+)">/.exec((await rawGet(run.url, '/issues/2099-01/edit/')).body)![1]!;
});
afterAll(() => run?.stop());

const baseHash = async () => /data-hash="([0-9a-f]{64})"/.exec((await rawGet(run.url, '/issues/2099-01/edit/')).body)![1]!;
async function save(who: string, hash: string, field: string, value: string) {
  const headers = {
    origin: run.url,
    'sec-fetch-site': 'same-origin',
    'x-studio-token': token,
    'content-type': 'application/json',
    'x-test-person': who,
  };
  const body = JSON.stringify({ file: FILE, hash, ops: [{ op: 'set', path: ['sections', 4, field], value }] });
  const r = await rawRequest(run.url, 'POST', '/api/edit/save', headers, body);
  return { status: r.status, ...(JSON.parse(r.body) as { kind: string; merged?: boolean; by?: string }) };
}
const onDisk = () => readFile(path.join(run.project.paths.content, FILE), 'utf8');

describe('a save on a stale copy', () => {
  it('is merged, naming the person whose save it met', async () => {
    const base = await baseHash();
    expect(await save('Sam Lee', base, 'role', 'Panel member – nursing')).toMatchObject({ status: 200, kind: 'saved', merged: false });
    const priya = await save('Priya Shah', base, 'title', 'Join the Panel');
    expect(priya).toMatchObject({ status: 200, kind: 'saved', merged: true, by: 'Sam Lee' });
    expect(await onDisk()).toContain('role: Panel member – nursing\n');
    expect(await onDisk()).toContain('title: Join the Panel\n');
  });

  it('where both changed the same thing, is not saved, and the choice names them', async () => {
    const base = await baseHash();
    expect(await save('Sam Lee', base, 'closingDate', '2099-02-01')).toMatchObject({ status: 200, kind: 'saved' });
    const priya = await save('Priya Shah', base, 'closingDate', '2099-02-05');
    expect(priya).toMatchObject({ status: 409, kind: 'conflict', by: 'Sam Lee' });
    expect(await onDisk()).toContain('closingDate: 2099-02-01\n');
  });

  it('names no one for a change made outside the editor, nor the person saving', async () => {
    const base = await baseHash();
    const text = await onDisk();
    await writeFile(path.join(run.project.paths.content, FILE), text.replace('title: Join the Panel', 'title: Join us'));
    const outside = await save('Priya Shah', base, 'role', 'Panel member – health');
    expect(outside).toMatchObject({ status: 200, merged: true });
    expect(outside.by).toBeUndefined();
    const mine = await baseHash();
    await save('Priya Shah', mine, 'role', 'Panel member – social work');
    const again = await save('Priya Shah', mine, 'title', 'Join the Panel');
    expect(again).toMatchObject({ status: 200, merged: true });
    expect(again.by).toBeUndefined();
  });
});

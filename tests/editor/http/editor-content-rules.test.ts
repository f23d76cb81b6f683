// Issue 22: the editor does not save what the content rules refuse (a subject with a line break,
// an unknown key): it answers with the located error, as `newsletter check` would, and writes nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentEditor } from '../../../src/editor/save-file.js';
import { addDraft, editorOverHttp, rawRequest, type Running, runPreview } from '../../helpers/preview-server.js';

const FILE = 'issues/2099-01/issue.yaml';
let run: Running;
let headers: Record<string, string>;
let hash: string;

beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'));
  ({ hash, headers } = await editorOverHttp(run.url, '2099-01'));
});
afterAll(() => run?.stop());

const onDisk = () => readFile(path.join(run.project.paths.content, FILE), 'utf8');
const save = (ops: unknown[]) => rawRequest(run.url, 'POST', '/api/edit/save', headers, JSON.stringify({ file: FILE, hash, ops }));

describe('a save the content rules refuse', () => {
  it('a subject with a line break: refused with where and what, nothing written', async () => {
    const before = await onDisk();
    const r = await save([{ op: 'set', path: ['subject'], value: 'Two\nlines' }]);
    expect(r.status).toBe(422);
    expect(r.body).toContain('line break');
    expect(await onDisk()).toBe(before);
  });

  it('is refused by the save itself, inside its lock, with the located error (the route aside)', async () => {
    const before = await onDisk();
    const editor = new ContentEditor(run.project.paths.content);
    const opened = (await editor.open(FILE))!;
    const outcome = await editor.save(FILE, opened.hash, [{ op: 'set', path: ['subject'], value: 'Two\nlines' }]);
    expect(outcome.kind).toBe('refused');
    const reason = (outcome as { reason: string }).reason;
    expect(reason).toMatch(/^nothing was saved: the content rules refuse it — content\/issues\/2099-01\/issue\.yaml:\d+:\d+ /);
    expect(reason).toContain('line break');
    expect(await onDisk()).toBe(before);
  });

  it('an unknown key inside a section: refused, nothing written', async () => {
    const before = await onDisk();
    const section = (parseDocument(before).toJS() as { sections: Record<string, unknown>[] }).sections[0]!;
    const r = await save([{ op: 'set', path: ['sections', 0], value: { ...section, colour: 'red' } }]);
    expect(r.status).toBe(422);
    expect(r.body).toMatch(/colour/);
    expect(await onDisk()).toBe(before);
  });

  it('a save that is fine is still written', async () => {
    const r = await save([{ op: 'set', path: ['subject'], value: 'One line' }]);
    expect(r.status).toBe(200);
    expect(await onDisk()).toContain('subject: "One line"');
  });
});

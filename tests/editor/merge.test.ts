import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { hashText } from '../../src/editor/edit.js';
import { planSave } from '../../src/editor/merge.js';
import { ContentEditor } from '../../src/editor/save-file.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { APRIL, TWO_NEWS } from './april.js';

const closing = { op: 'set', path: ['sections', 4, 'closingDate'], value: '2022-05-02' } as const;

test('an edit of a field nobody else changed is merged into the file as it is now', () => {
  const disk = APRIL.replace('subject: "Child Safeguarding Practice Review Panel: April 2022"', 'subject: "Panel newsletter: April 2022"');
  const out = planSave(APRIL, disk, [closing]);
  expect(out).toMatchObject({ kind: 'saved', merged: true });
  const text = out.kind === 'saved' ? out.text : '';
  expect(text).toContain('subject: "Panel newsletter: April 2022"');
  expect(text).toContain('closingDate: 2022-05-02');
});

test('an edit of a field changed on disk meanwhile is a conflict with both values, and nothing is saved', () => {
  const disk = APRIL.replace('closingDate: 2022-04-18', 'closingDate: 2022-04-25');
  expect(planSave(APRIL, disk, [closing])).toEqual({
    kind: 'conflict',
    hash: hashText(disk),
    conflicts: [{ path: ['sections', 4, 'closingDate'], base: '2022-04-18', theirs: '2022-04-25', mine: '2022-05-02' }],
  });
});

test('an edit inside a list that gained an item on disk is a conflict: its indexes moved', () => {
  const out = planSave(APRIL, TWO_NEWS, [{ op: 'set', path: ['sections', 7, 'items', 0, 'linkText'], value: 'Book' }]);
  expect(out).toMatchObject({ kind: 'conflict', conflicts: [{ path: ['sections', 7, 'items', 0, 'linkText'] }] });
});

test('without the text the form was built from, any change on disk is a conflict', () => {
  expect(planSave(undefined, APRIL.replace('2022-04-18', '2022-04-19'), [closing])).toMatchObject({ kind: 'conflict' });
});

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(() => project.remove());

test('saves to one file are queued: two forms built from the same text both land', async () => {
  const editor = new ContentEditor(project.paths.content);
  const name = 'issues/2022-04/issue.yaml';
  const opened = (await editor.open(name))!;
  const [a, b] = await Promise.all([
    editor.save(name, opened.hash, [closing]),
    editor.save(name, opened.hash, [{ op: 'set', path: ['sections', 4, 'role'], value: 'Panel member – nursing' }]),
  ]);
  expect(a).toMatchObject({ kind: 'saved', merged: false });
  expect(b).toMatchObject({ kind: 'saved', merged: true });
  const text = await readFile(path.join(project.paths.content, name), 'utf8');
  expect(text).toContain('closingDate: 2022-05-02');
  expect(text).toContain('role: Panel member – nursing');
});

test('a file changed by hand during an edit is merged or reported, as the paths say', async () => {
  const editor = new ContentEditor(project.paths.content);
  const name = 'issues/2022-04/issue.yaml';
  const file = path.join(project.paths.content, name);
  const opened = (await editor.open(name))!;
  await writeFile(file, opened.text.replace('closingDate: 2022-04-18', 'closingDate: 2022-04-25'));
  expect(await editor.save(name, opened.hash, [closing])).toMatchObject({
    kind: 'conflict',
    conflicts: [{ theirs: '2022-04-25', mine: '2022-05-02' }],
  });
  expect(await readFile(file, 'utf8')).toContain('closingDate: 2022-04-25');
  expect(await editor.save(name, opened.hash, [{ op: 'set', path: ['preheader'], value: 'New' }])).toMatchObject({
    kind: 'saved',
    merged: true,
  });
  expect(await readFile(file, 'utf8')).toMatch(/preheader: "New"\n[\s\S]*closingDate: 2022-04-25/);
});

test('only allow-listed content files can be opened or saved', async () => {
  const editor = new ContentEditor(project.paths.content);
  for (const name of [
    '../package.json',
    'newsletter.yaml',
    'issues/../regions.yaml',
    'issues/2022-04/../../regions.yaml',
    '/etc/passwd',
    'issues/2022-04/issue.yml',
  ]) {
    expect(await editor.open(name)).toBeUndefined();
    expect(await editor.save(name, 'x', [])).toMatchObject({ kind: 'refused' });
  }
  expect(await editor.open('regions.yaml')).toMatchObject({ name: 'regions.yaml' });
});

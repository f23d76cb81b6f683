import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe as group, expect, test } from 'vitest';
import { formatDiff } from '../../src/editor/diff.js';
import { WRITE_OPTIONS } from '../../src/content/yaml.js';
import { editText, parseForEdit } from '../../src/editor/edit.js';
import type { EditOp } from '../../src/editor/paths.js';
import { describe, keyOrderOf } from '../../src/editor/schema-walk.js';
import { IssueFile } from '../../src/content/schema.js';
import { REPO } from '../helpers/project.js';
import { APRIL, TWO_NEWS } from './april.js';

const order = keyOrderOf(describe(IssueFile));

function diffOf(text: string, ops: EditOp[]): string {
  const r = editText(text, ops, order);
  if (!r.ok) throw new Error(r.reason);
  return formatDiff('issue.yaml', r.hunks);
}

group('an untouched file is written back byte for byte', () => {
  const files = ['content', 'tests/fixtures/content'].flatMap((root) =>
    ['issues/2022-04/issue.yaml', 'newsletter.yaml', 'regions.yaml', 'reviews.yaml'].map((f) => `${root}/${f}`),
  );
  test.each(files)('%s', (file) => {
    const text = readFileSync(path.join(REPO, file), 'utf8');
    expect(parseForEdit(text)!.toString(WRITE_OPTIONS)).toBe(text);
    // Setting a field to the value it has changes nothing either.
    const doc = parseForEdit(text)!;
    const [firstKey] = Object.keys(doc.toJS() as object);
    const same = editText(text, [{ op: 'set', path: [firstKey!], value: (doc.toJS() as Record<string, unknown>)[firstKey!] }]);
    expect(same).toMatchObject({ ok: true, text, hunks: [] });
  });
});

group('edits change only the lines of the fields edited', () => {
  test('a recruitment closing date', () => {
    expect(diffOf(APRIL, [{ op: 'set', path: ['sections', 4, 'closingDate'], value: '2022-05-02' }])).toBe(
      ['--- a/issue.yaml', '+++ b/issue.yaml', '@@ -46 +46 @@', '-    closingDate: 2022-04-18', '+    closingDate: 2022-05-02', ''].join(
        '\n',
      ),
    );
  });

  test("a news item's link text", () => {
    expect(
      diffOf(APRIL, [{ op: 'set', path: ['sections', 7, 'items', 0, 'linkText'], value: 'Book a place: Strengthening Families' }]),
    ).toBe(
      [
        '--- a/issue.yaml',
        '+++ b/issue.yaml',
        '@@ -94 +94 @@',
        '-        linkText: For further details or to book a space, visit the Strengthening Families, Protecting Children programme page',
        '+        linkText: "Book a place: Strengthening Families"',
        '',
      ].join('\n'),
    );
  });

  test('a Markdown body keeps its | block and the comments of the file', () => {
    const body = APRIL.match(/ {2}- type: recruitment[\s\S]*? {4}body: \|\n([\s\S]*?)\n\n {2}- type/)![1]!.replace(/^ {6}/gm, '');
    const edited = `${body.replace('nursing profession background.', 'nursing or **midwifery** background.')}\n`;
    const diff = diffOf(APRIL, [{ op: 'set', path: ['sections', 4, 'body'], value: edited }]);
    expect(diff).toBe(
      [
        '--- a/issue.yaml',
        '+++ b/issue.yaml',
        '@@ -50 +50 @@',
        '-      The Panel is looking to recruit a new member from the health sector with a nursing profession background.',
        '+      The Panel is looking to recruit a new member from the health sector with a nursing or **midwifery** background.',
        '',
      ].join('\n'),
    );
    const saved = editText(APRIL, [{ op: 'set', path: ['sections', 4, 'body'], value: edited }]);
    expect(saved.ok && saved.text.split('\n').slice(0, 3)).toEqual(APRIL.split('\n').slice(0, 3));
  });

  test('reordering two news items moves each with its comment and blank line', () => {
    const diff = diffOf(TWO_NEWS, [{ op: 'move', path: ['sections', 7, 'items'], from: 1, to: 0 }]);
    expect(diff).toBe(
      [
        '--- a/issue.yaml',
        '+++ b/issue.yaml',
        '@@ -89,0 +90,7 @@',
        '+      # From the NSPCC, March 2022.',
        '+      - title: NSPCC conference',
        '+        body: |',
        '+          The NSPCC How Safe conference takes place online.',
        '+        url: https://learning.nspcc.org.uk/',
        '+        linkText: NSPCC Learning',
        '+',
        '@@ -96,7 +102,0 @@',
        '-',
        '-      # From the NSPCC, March 2022.',
        '-      - title: NSPCC conference',
        '-        body: |',
        '-          The NSPCC How Safe conference takes place online.',
        '-        url: https://learning.nspcc.org.uk/',
        '-        linkText: NSPCC Learning',
        '',
      ].join('\n'),
    );
  });

  test('a new field goes where the schema puts it, not at the end', () => {
    const r = editText(APRIL, [{ op: 'set', path: ['sections', 0, 'contents'], value: 'A word from the Panel' }], order);
    expect(r.ok && r.text).toContain('  - type: welcome\n    title: Welcome\n    contents: A word from the Panel\n    body: |\n');
  });

  test('a new section is written in schema order, with its type first', () => {
    const r = editText(
      APRIL,
      [{ op: 'insert', path: ['sections'], index: 8, value: { body: 'Tell us.\n', title: 'Your views', type: 'article' } }],
      order,
    );
    expect(r.ok && formatDiff('issue.yaml', r.hunks)).toContain(
      '+  - type: article\n+    title: Your views\n+    body: |\n+      Tell us.\n',
    );
  });

  test('removing the first item takes the comment above it along', () => {
    const r = editText(TWO_NEWS, [{ op: 'remove', path: ['sections', 7, 'items'], index: 0 }], order);
    expect(r.ok).toBe(true);
    expect(r.ok && r.text).not.toContain('# Sent by the SFPC programme team.');
    expect(r.ok && r.text).toContain('    items:\n      # From the NSPCC, March 2022.\n      - title: NSPCC conference\n');
  });
});

group('saves that would change more are refused', () => {
  test('an edit of a file with a YAML mistake is refused', () => {
    expect(editText('subject: [\n', [{ op: 'set', path: ['subject'], value: 'x' }])).toMatchObject({ ok: false });
  });

  test('an index past the end of a list is refused', () => {
    expect(editText(APRIL, [{ op: 'move', path: ['sections'], from: 0, to: 12 }])).toMatchObject({
      ok: false,
      reason: 'cannot move item 1 to 13 in a list of 9',
    });
  });
});

test('edits of neighbouring fields, one hunk in the diff, are saved', () => {
  const r = editText(APRIL, [
    { op: 'set', path: ['sections', 4, 'role'], value: 'Panel member – nursing' },
    { op: 'set', path: ['sections', 4, 'closingDate'], value: '2022-05-02' },
  ]);
  expect(r.ok && formatDiff('issue.yaml', r.hunks)).toBe(
    '--- a/issue.yaml\n+++ b/issue.yaml\n@@ -45,2 +45,2 @@\n-    role: Panel member – health sector\n-    closingDate: 2022-04-18\n+    role: Panel member – nursing\n+    closingDate: 2022-05-02\n',
  );
});

group('a file laid out otherwise than the editor writes is saved, keeping its layout', () => {
  // The issue asked for this: such a save was refused ("would also change line 1") before.
  test('spaces after a colon and in an inline list stay; only the edited line changes', () => {
    const text = 'subject:   "Spaced"\npreheader: Hello\nthemes: [ a, b ]\n';
    const r = editText(text, [{ op: 'set', path: ['preheader'], value: 'Hi' }]);
    expect(r).toMatchObject({ ok: true, text: 'subject:   "Spaced"\npreheader: Hi\nthemes: [ a, b ]\n' });
    expect(r.ok && formatDiff('f.yaml', r.hunks)).toBe('--- a/f.yaml\n+++ b/f.yaml\n@@ -2 +2 @@\n-preheader: Hello\n+preheader: Hi\n');
  });

  test('April with its event dates padded, as `new` once wrote them: a one-field save is one line', () => {
    const padded = APRIL.replace('eventDates: [2022-06-14, 2022-06-15]', 'eventDates: [ 2022-06-14, 2022-06-15 ]');
    expect(padded).not.toBe(APRIL);
    const r = editText(padded, [{ op: 'set', path: ['preheader'], value: 'A new preheader' }], order);
    expect(r.ok && r.hunks.map((h) => [h.oldLines.length, h.newLines.length])).toEqual([[1, 1]]);
    expect(r.ok && r.text).toContain('eventDates: [ 2022-06-14, 2022-06-15 ]\n');
  });

  test("the edited field itself takes the editor's layout", () => {
    const padded = APRIL.replace('eventDates: [2022-06-14, 2022-06-15]', 'eventDates: [ 2022-06-14, 2022-06-15 ]');
    const r = editText(padded, [{ op: 'set', path: ['sections', 7, 'items', 0, 'eventDates'], value: ['2022-06-14'] }], order);
    expect(r.ok && formatDiff('issue.yaml', r.hunks)).toBe(
      '--- a/issue.yaml\n+++ b/issue.yaml\n@@ -92 +92 @@\n-        eventDates: [ 2022-06-14, 2022-06-15 ]\n+        eventDates: [2022-06-14]\n',
    );
  });

  test('a line added next to a line laid out otherwise goes in the right place', () => {
    const text = 'subject:   S\npreheader: P\nsendAt: "2022-05-05 09:00"\n';
    const r = editText(text, [{ op: 'set', path: ['status'], value: 'draft' }], order);
    expect(r.ok && r.text).toBe('subject:   S\npreheader: P\nsendAt: "2022-05-05 09:00"\nstatus: draft\n');
  });
});

test('a list written inline stays inline when it is changed', () => {
  const r = editText(APRIL, [{ op: 'set', path: ['sections', 7, 'items', 0, 'eventDates'], value: ['2022-06-14', '2022-06-16'] }]);
  expect(r.ok && formatDiff('issue.yaml', r.hunks)).toBe(
    '--- a/issue.yaml\n+++ b/issue.yaml\n@@ -92 +92 @@\n-        eventDates: [2022-06-14, 2022-06-15]\n+        eventDates: [2022-06-14, 2022-06-16]\n',
  );
});

test('a save that would change a line outside the fields edited is refused, naming where and what to do', () => {
  // `yaml` drops the blank line and comment above y when x goes: not the person's change.
  const text = 'a:\n  x: 1\n\n  # about y\n  y: 2\nb: 1\n';
  const r = editText(text, [{ op: 'set', path: ['a', 'x'], value: undefined }], undefined, (p) => `the field ${p.join('.')}`);
  expect(r).toEqual({
    ok: false,
    reason:
      'the save would also change line 3 (the field a), which is outside the fields you edited, so nothing was saved — make this change in the file with a text editor instead',
  });
});

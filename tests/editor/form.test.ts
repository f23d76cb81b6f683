import { expect, test } from 'vitest';
import { IssueFile, ReviewRegistry, SECTION_TYPES } from '../../src/content/schema.js';
import { buildForm, type FormItem, type FormList, type FormNode } from '../../src/editor/form.js';
import { parseForEdit } from '../../src/editor/edit.js';
import { describe, keyOrderOf } from '../../src/editor/schema-walk.js';
import { APRIL } from './april.js';

const data = parseForEdit(APRIL)!.toJS() as Record<string, unknown>;
const form = buildForm(IssueFile, data);
const find = (nodes: FormNode[], id: string): FormNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = 'children' in n ? find(n.children, id) : n.kind === 'list' ? find(n.items, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
};

test('one kind of input per field type, titled from the schema', () => {
  const kinds = Object.fromEntries(
    [
      'f.subject',
      'f.sendAt',
      'f.sections.4.closingDate',
      'f.sections.4.url',
      'f.sections.4.body',
      'f.sections.3.markChanges',
      'f.sections.7.items.0.eventDates',
      'f.sections.2.contents',
    ].map((id) => {
      const n = find(form, id);
      return [id, n?.kind === 'field' ? `${n.input}: ${n.label}` : n?.kind];
    }),
  );
  expect(kinds).toEqual({
    'f.subject': 'text: Subject',
    'f.sendAt': 'datetime: Send at',
    'f.sections.4.closingDate': 'date: Closing date',
    'f.sections.4.url': 'url: Link to the advert',
    'f.sections.4.body': 'markdown: Text',
    'f.sections.3.markChanges': 'boolean: Mark links that changed with "(new)"',
    'f.sections.7.items.0.eventDates': 'words: Event dates',
    'f.sections.2.contents': 'text-or-omit: Line in "In this issue"',
  });
  expect(find(form, 'f.sections.4.closingDate')).toMatchObject({ value: '2022-04-18', hint: 'YYYY-MM-DD, after the send date' });
});

test('the status is shown, not edited: the tool records it', () => {
  const fixed = buildForm(IssueFile, data, { status: { why: 'Set by the tool.', value: 'approved' } });
  expect(find(fixed, 'f.status')).toMatchObject({ kind: 'field', label: 'Status', value: 'approved', fixed: 'Set by the tool.' });
  expect(find(form, 'f.status')).toMatchObject({ input: 'choice' });
  expect(find(form, 'f.status')).not.toHaveProperty('fixed');
});

test('sections are items labelled by their title, with a section-type picker to add one', () => {
  const sections = find(form, 'f.sections') as FormList;
  expect(sections.items.map((i) => `${i.typeLabel}: ${i.label}`).slice(3, 5)).toEqual([
    'Regional links: Updated regional links',
    'Recruitment: Would you like to join the Panel?',
  ]);
  expect(sections.addable.map((a) => a.value)).toEqual([...SECTION_TYPES]);
  expect(sections.addable[1]).toEqual({ value: 'in-this-issue', label: 'In this issue', description: 'Lists the other sections' });
  // The type is chosen when a section is added, not edited as a field.
  expect(find(form, 'f.sections.4.type')).toBeUndefined();
});

test('news items without a title are labelled by their first words', () => {
  const item = find(form, 'f.sections.7.items.0') as FormItem;
  expect(item.label).toBe('The Strengthening Families, Protecting Children Programme…');
});

test('reviews.yaml: a review item offers its fields in schema order', () => {
  const reviews = buildForm(ReviewRegistry, { reviews: [{ title: 'A', kind: 'local' }] });
  const item = (reviews[0] as FormList).items[0]!;
  expect(item.children.map((c) => c.path.at(-1))).toEqual(['title', 'kind', 'partnership', 'region', 'published', 'url', 'themes']);
});

test('the key order of a block depends on its section type', () => {
  const order = keyOrderOf(describe(IssueFile));
  const at = (p: readonly (string | number)[]) => (p.length === 2 ? { type: 'recruitment' } : undefined);
  expect(order(['sections', 0], at)).toEqual(['type', 'title', 'contents', 'body', 'role', 'closingDate', 'url', 'linkText']);
});

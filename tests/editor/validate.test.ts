import { expect, test } from 'vitest';
import type { Finding } from '../../src/check/finding.js';
import { IssueFile, Regions } from '../../src/content/schema.js';
import { findingMessage, validateText } from '../../src/editor/validate.js';
import { APRIL, APRIL_FILE } from './april.js';
import { readFileSync } from 'node:fs';

test('the April issue is valid', () => {
  expect(validateText(APRIL_FILE, APRIL, IssueFile)).toEqual([]);
});

test("messages sit on their fields, in the CLI's words", () => {
  const text = APRIL.replace('closingDate: 2022-04-18', 'closingDate: 2022-02-30').replace(
    '      from: 2021-12-01',
    '      from: 2022-03-01',
  );
  expect(validateText(APRIL_FILE, text, IssueFile)).toEqual([
    {
      fieldId: 'f.sections.4.closingDate',
      path: ['sections', 4, 'closingDate'],
      where: 'section 5 (recruitment), closingDate',
      message: '"2022-02-30" is not a real calendar date — check the day and the month',
      line: `${APRIL_FILE}:46:18 section 5 (recruitment), closingDate: "2022-02-30" is not a real calendar date — check the day and the month`,
      severity: 'error',
    },
    // A refinement over two fields (z.toJSONSchema would drop it) is still checked.
    expect.objectContaining({ fieldId: 'f.sections.6.window', message: 'the window ends before it starts — swap "from" and "to"' }),
  ]);
});

test('a missing field and an unknown one are placed where the form shows them', () => {
  const text = APRIL.replace('    role: Panel member – health sector\n', '').replace(
    '    linkText: Panel member – health sector role\n',
    '    linkTxt: Panel member – health sector role\n',
  );
  const messages = validateText(APRIL_FILE, text, IssueFile).map((m) => [m.fieldId, m.message]);
  expect(messages).toEqual([
    ['f.sections.4.role', 'is missing — add "role:" here'],
    ['f.sections.4.linkText', 'is missing — add "linkText:" here'],
    ['f.sections.4', 'unknown field "linkTxt" — did you mean "linkText"?'],
  ]);
});

test('regions.yaml: a link with a wrong "since" date', () => {
  const text = readFileSync('content/regions.yaml', 'utf8').replace(
    '        since: 2022-03-01\n  - region: North East',
    '        since: 1 March 2022\n  - region: North East',
  );
  expect(validateText('content/regions.yaml', text, Regions).map((m) => [m.fieldId, m.where])).toEqual([
    ['f.regions.0.links.0.since', 'region 1, link 1, since'],
  ]);
});

test('a check finding that names its field is shown on that field', () => {
  const finding: Finding = {
    code: 'links/vague-text',
    severity: 'warning',
    section: { index: 7, type: 'stakeholder-news', title: 'Stakeholder News' },
    message: 'the link text "here" does not say where it goes',
    fix: 'say where the link goes',
    field: 'items.0.body',
    span: { start: 10, end: 14, text: 'here' },
  };
  expect(findingMessage(finding)).toMatchObject({
    fieldId: 'f.sections.7.items.0.body',
    severity: 'warning',
    where: 'section 8 (stakeholder-news), items.0.body',
  });
  expect(findingMessage({ ...finding, field: undefined })).toMatchObject({ fieldId: 'f.sections.7' });
  expect(findingMessage({ ...finding, section: null, field: 'subject' })).toMatchObject({ fieldId: 'f.subject' });
});

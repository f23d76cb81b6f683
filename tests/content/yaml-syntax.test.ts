// The ten YAML mistakes a secretariat member is most likely to make, each with the plain-words
// message and the place to fix it (file:line:column), not the parser's own words.
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/errors.js';
import { parseContent } from '../../src/content/load.js';
import { sourcesWith } from '../helpers/sources.js';

const ISSUE = 'content/issues/2022-04/issue.yaml';

/** [the mistake, text replaced in the April 2022 fixture, replacement, the one error expected] */
const MISTAKES: [string, string, string, string][] = [
  [
    'a field indented less than the list item above it',
    '    title: Welcome',
    '   title: Welcome',
    `${ISSUE}:10:4 this line is indented differently from the list item above it (line 9) — line it up with the first field of that item (column 5)`,
  ],
  [
    'a field indented more than the one above it',
    '    title: Welcome',
    '      title: Welcome',
    `${ISSUE}:10:7 this line is indented more than "type:" on line 9 — line it up with "type:" (column 5)`,
  ],
  [
    'a tab for indentation',
    '    title: Welcome',
    '\ttitle: Welcome',
    `${ISSUE}:10:1 this line is indented with a tab — indent it with spaces instead (YAML does not accept tabs)`,
  ],
  [
    'an unquoted heading with a colon',
    'title: In This Issue',
    'title: In This Issue: April',
    `${ISSUE}:21:12 the heading contains ": ", which YAML reads as another field — put the heading in quotes: title: "In This Issue: April"`,
  ],
  [
    'no space after the colon',
    '    title: Welcome',
    '    title:Welcome',
    `${ISSUE}:10:11 put a space after the colon: "title: …"`,
  ],
  [
    'a quote that is never closed',
    'sendAt: "2022-04-05 09:00"',
    'sendAt: "2022-04-05 09:00',
    `${ISSUE}:6:9 this quoted text has no closing " — add " at the end of the text`,
  ],
  [
    'a key written twice',
    'status: sent',
    'status: sent\nstatus: draft',
    `${ISSUE}:8:1 "status:" is given twice in the same block (also on line 7) — keep one of them`,
  ],
  [
    'a list item mixed into a block of fields',
    '    title: Welcome',
    '    title: Welcome\n    - extra',
    `${ISSUE}:11:5 a list item ("- ") is mixed in with fields — give the list its own field name on the line above (e.g. "items:") and indent it under that, or remove the "- "`,
  ],
  [
    'a section without its dash',
    '  - type: in-this-issue',
    '  type: in-this-issue',
    `${ISSUE}:20:3 this line starts a new list item but has no "- " — begin it with "- " as on line 9`,
  ],
  [
    'a section without its dash, its fields still indented',
    '  - type: in-this-issue',
    '    type: in-this-issue',
    `${ISSUE}:20:5 "type:" is given twice in the list item that starts on line 9 — if a new item starts here, begin it with "- "; otherwise keep one of them`,
  ],
  [
    'text after a quoted string',
    'sendAt: "2022-04-05 09:00"',
    'sendAt: "2022-04-05" 09:00',
    `${ISSUE}:6:22 there is text after the closing quote — put all of the text inside the quotes`,
  ],
  [
    'a bracket that is never closed',
    'status: sent',
    'status: [sent',
    `${ISSUE}:7:9 this [ is never closed — end it with ], or put the whole text in quotes if the [ is part of it`,
  ],
  [
    'a heading that starts with a bracket',
    '    title: Welcome',
    '    title: [Draft] Welcome',
    `${ISSUE}:10:12 the heading starts with "[", which YAML reads as markup — put the heading in quotes: title: "[Draft] Welcome"`,
  ],
  [
    'a heading that starts with an asterisk',
    '    title: Welcome',
    '    title: *New* Welcome',
    `${ISSUE}:10:12 the heading starts with "*", which YAML reads as markup — put the heading in quotes: title: "*New* Welcome"`,
  ],
  [
    'body text less indented than its field',
    '    title: Welcome\n    body: |',
    '    title: Welcome\n    body: |\n  As we move',
    `${ISSUE}:12:3 the text under "body:" on line 11 must be indented more than "body:" — indent every line of it by at least 6 spaces`,
  ],
  [
    'a stray line of text among fields',
    '    title: Welcome',
    '    title: Welcome\n    Welcome to the issue',
    `${ISSUE}:11:5 this line has no "name:" — start it with a field name and a colon, or indent it under the field it belongs to`,
  ],
];

describe('YAML syntax errors in plain words', () => {
  it.each(MISTAKES)('%s', (_what, from, to, expected) => {
    const result = parseContent(sourcesWith('issue', from, to));
    expect(result.errors.map(formatContentError)).toEqual([expected]);
    expect(result.brokenIssues).toEqual(['2022-04']);
  });

  it('covers at least the ten most likely mistakes', () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(10);
  });

  it("never passes the parser's own words through for these mistakes", () => {
    for (const [, from, to] of MISTAKES) {
      const [error] = parseContent(sourcesWith('issue', from, to)).errors;
      expect(error!.message).not.toMatch(/indicator|implicit|compact|Unexpected|Map keys|flow|scalar/i);
    }
  });
});

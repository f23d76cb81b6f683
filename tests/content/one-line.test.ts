// One-line fields refuse line breaks, tabs and other control characters, saying which character,
// after which words, and pointing at it: a line break in a subject or a sender becomes a second
// mail header once proofs and campaigns are sent.
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/errors.js';
import { parseContent } from '../../src/content/load.js';
import { type SourceName, sourcesWith } from '../helpers/sources.js';

const ISSUE = 'content/issues/2022-04/issue.yaml';
const SUBJECT = 'subject: "Child Safeguarding Practice Review Panel newsletter: April 2022"';
const JOIN = 'this field is one line of plain text: join the text into one line (in double quotes, look for "\\n" or "\\r")';
const INVISIBLE = 'delete it; if you cannot see it, retype the words around it';

/** [what, file, text replaced, replacement, the one error expected] */
const CASES: [string, SourceName, string, string, string][] = [
  [
    'a line break in the subject (a header injection)',
    'issue',
    SUBJECT,
    'subject: "Child Safeguarding Practice Review Panel\\nBcc: everyone@example.org"',
    `${ISSUE}:4:51 subject: contains a line break (LF) after "Child Safeguarding Practice Review Panel" — ${JOIN}`,
  ],
  [
    'a carriage return in the subject',
    'issue',
    SUBJECT,
    'subject: "Child Safeguarding Practice Review Panel\\r\\nBcc: everyone@example.org"',
    `${ISSUE}:4:51 subject: contains a carriage return (CR) after "Child Safeguarding Practice Review Panel" — ${JOIN}`,
  ],
  [
    'a subject written as a block of two lines',
    'issue',
    SUBJECT,
    'subject: |\n  Child Safeguarding Practice Review Panel\n  Bcc: everyone@example.org',
    `${ISSUE}:5:43 subject: contains a line break (LF) after "Child Safeguarding Practice Review Panel" — ${JOIN}`,
  ],
  [
    'a tab in the preheader',
    'issue',
    'preheader: "The Panel',
    'preheader: "The\tPanel',
    `${ISSUE}:5:16 preheader: contains a tab after "The" — this field is one line of plain text: replace the tab with a space`,
  ],
  [
    'a DEL in a section title',
    'issue',
    '    title: Welcome',
    '    title: "Wel\\x7Fcome"',
    `${ISSUE}:10:16 section 1 (welcome), title: contains a delete character (DEL) after "Wel" — this field is one line of plain text: ${INVISIBLE}`,
  ],
  [
    'an escape character at the start of a title',
    'issue',
    '    title: Welcome',
    '    title: "\\eWelcome"',
    `${ISSUE}:10:13 section 1 (welcome), title: contains an invisible control character (U+001B) at the start — this field is one line of plain text: ${INVISIBLE}`,
  ],
  [
    'a tab in link text',
    'issue',
    '    linkText: Panel member – health sector role',
    '    linkText: "Panel member\\t– health sector role"',
    `${ISSUE}:48:28 section 5 (recruitment), linkText: contains a tab after "Panel member" — this field is one line of plain text: replace the tab with a space`,
  ],
  [
    'a line in "In this issue"',
    'issue',
    '    contents: Panel recruitment – health sector',
    '    contents: "Panel recruitment\\n– health sector"',
    `${ISSUE}:44:33 section 5 (recruitment), contents: contains a line break (LF) after "Panel recruitment" — ${JOIN}`,
  ],
  [
    'a line break in the sender name',
    'newsletter',
    '  name: Child Safeguarding Practice Review Panel\n  email',
    '  name: "Child Safeguarding\\nPractice Review Panel"\n  email',
    `content/newsletter.yaml:5:28 sender.name: contains a line break (LF) after "Child Safeguarding" — ${JOIN}`,
  ],
  [
    'a line break in the sender address',
    'newsletter',
    '  email: Mailbox.NationalReviewPanel@education.gov.uk',
    '  email: "Mailbox.NationalReviewPanel@education.gov.uk\\r\\nBcc: x@example.org"',
    `content/newsletter.yaml:6:55 sender.email: contains a carriage return (CR) after "…box.NationalReviewPanel@education.gov.uk" — ${JOIN}`,
  ],
  [
    'a line break inside the text of a Markdown link',
    'issue',
    'The [updated terms of reference]',
    'The [updated terms\n      of reference]',
    `${ISSUE}:14:353 section 1 (welcome), body: the text of a link contains a line break (LF) after "[updated terms" — write the text of a link on one line: join the text into one line (in double quotes, look for "\\n" or "\\r")`,
  ],
  [
    'an invisible control character in Markdown body text',
    'issue',
    'In January, we published',
    'In January, we\u001b published',
    `${ISSUE}:16:21 section 1 (welcome), body: contains an invisible control character (U+001B) after "In January, we" — ${INVISIBLE}`,
  ],
];

describe('one-line fields refuse control characters', () => {
  it.each(CASES)('%s', (_what, file, from, to, expected) => {
    expect(parseContent(sourcesWith(file, from, to)).errors.map(formatContentError)).toEqual([expected]);
  });

  it('still accepts line breaks and tabs in Markdown bodies, and a link whose text is on one line', () => {
    const sources = sourcesWith('issue', 'In January, we published', 'In January,\twe\n      published');
    expect(parseContent(sources).errors).toEqual([]);
  });
});

// Links in body text are judged from markdown-it's own reading of them, so every way of writing a
// link follows the rule inline links follow; a bare web address becomes a link and is checked.
import { describe, expect, it } from 'vitest';
import { linksCheck } from '../../src/check/checks/links.js';
import { formatContentError } from '../../src/content/errors.js';
import { parseContent } from '../../src/content/load.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { sourcesWith } from '../helpers/sources.js';
import { appendToBody, checkApril, SECTION, withCode } from './april.js';

const FIRST_LINE = 'As we move into the new financial year';

/** The errors from loading the fixture with Markdown put before the welcome's first words. */
function errorsWith(markdown: string): string[] {
  return parseContent(sourcesWith('issue', FIRST_LINE, `${markdown}\n\n      ${FIRST_LINE}`)).errors.map(formatContentError);
}

describe('unsafe links however they are written', () => {
  it.each([
    ['inline', '[the report](javascript:alert(1))', 'javascript:alert(1)'],
    ['reference-style', 'See [the report][r].\n\n      [r]: javascript:alert(1)', 'javascript:alert(1)'],
    ['reference-style, in capitals', 'See [the report][r].\n\n      [r]: JavaScript:alert(1)', 'JavaScript:alert(1)'],
    ['an autolink', '<javascript:alert(1)>', 'javascript:alert(1)'],
    ['entity-encoded', '[the report](&#106;avascript:alert(1))', 'javascript:alert(1)'],
    ['a data: reference', 'See [it][d].\n\n      [d]: data:text/html;base64,PHNjcmlwdD4=', 'data:text/html;base64,PHNjcmlwdD4='],
  ])('%s is refused on loading, with where it is', (_, markdown, target) => {
    expect(errorsWith(markdown)).toEqual([
      `content/issues/2022-04/issue.yaml:11:11 section 1 (welcome), body: links to "${target.slice(0, 40)}" — links must start with https:// or mailto:`,
    ]);
  });

  it('a reference-style javascript: link never reaches the HTML or the text', () => {
    const markdown = 'See [the report][r].\n\n[r]: javascript:alert(1)';
    expect(markdownToHtml(markdown)).toBe('<p>See the report.</p>');
    expect(markdownToText(markdown)).toBe('See the report.');
  });

  it('safe reference-style and anchor links load', () => {
    expect(errorsWith('See [the report][r] and [the news](#s8-stakeholder-news).\n\n      [r]: https://www.gov.uk/r')).toEqual([]);
  });
});

describe('bare web addresses', () => {
  it('become links, shown once in the plain text', () => {
    expect(markdownToHtml('Read it at https://www.gov.uk/r.')).toBe(
      '<p>Read it at <a href="https://www.gov.uk/r">https://www.gov.uk/r</a>.</p>',
    );
    expect(markdownToText('Read it at https://www.gov.uk/r.')).toBe('Read it at https://www.gov.uk/r.');
    // Words that only look like domains stay words.
    expect(markdownToHtml('See gov.uk, e.g. the Panel.')).toBe('<p>See gov.uk, e.g. the Panel.</p>');
  });

  it('are checked like the others: a bare http:// address is an error in its section', async () => {
    const report = await checkApril(
      appendToBody(0, 'The old page is at http://www.gov.uk/old and the new one at https://www.gov.uk/new.'),
      [linksCheck],
    );
    expect(withCode(report, 'links/insecure')).toEqual([
      {
        code: 'links/insecure',
        severity: 'error',
        section: SECTION.welcome,
        message: '"http://www.gov.uk/old" links to http://www.gov.uk/old over plain http:',
      },
    ]);
  });
});

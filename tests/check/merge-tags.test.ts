// The merge-tag check sees every tag wherever it was written — in body text, inside emphasis — and
// knows Mailchimp's own tags and the audience's merge fields (newsletter.yaml); anything else is an
// error with the nearest real tag.
import { describe, expect, it } from 'vitest';
import { mergeTagsCheck } from '../../src/check/checks/merge-tags.js';
import { appendToBody, checkApril, SECTION, withCode } from './april.js';

describe('merge-tag check', () => {
  it('passes tags Mailchimp and the audience know, written in body text', async () => {
    const report = await checkApril(appendToBody(0, 'Dear *|FNAME|* *|LNAME|*, from *|LIST:NAME|*. *|UNSUB|*'), [mergeTagsCheck]);
    expect(report.findings).toEqual([]);
  });

  it('flags a misspelt tag, even inside emphasis, with did-you-mean, once for the email and the text', async () => {
    const report = await checkApril(appendToBody(0, 'To stop, _*|UNSUBB|*_. **Dear *|FNAM|*,**'), [mergeTagsCheck]);
    const unknown = withCode(report, 'merge-tags/unknown');
    expect(unknown.map((f) => [f.severity, f.section])).toEqual(Array(2).fill(['error', SECTION.welcome]));
    expect(unknown.map((f) => f.message)).toEqual([
      expect.stringContaining(
        '*|UNSUBB|* in the email HTML and the plain text is not a Mailchimp merge tag or a merge field of the audience — did you mean *|UNSUB|*?',
      ),
      expect.stringContaining(
        '*|FNAM|* in the email HTML and the plain text is not a Mailchimp merge tag or a merge field of the audience — did you mean *|FNAME|*?',
      ),
    ]);
    // Each names the field it was written in and where in it.
    expect(report.findings.map((f) => [f.field, f.span?.text])).toEqual([
      ['body', '*|UNSUBB|*'],
      ['body', '*|FNAM|*'],
    ]);
  });

  it('knows an audience field only when newsletter.yaml lists it', async () => {
    const body = 'Your role: *|JOBROLE|*.';
    const without = await checkApril(appendToBody(0, body), [mergeTagsCheck]);
    expect(withCode(without, 'merge-tags/unknown')).toHaveLength(1);
    expect(without.findings[0]!.fix).toContain('list it under mergeFields in newsletter.yaml');
    const listed = await checkApril(
      {
        content: (content, issue) => {
          content.newsletter.mergeFields.push({ tag: 'JOBROLE', web: 'your role' });
          appendToBody(0, body).content!(content, issue);
        },
      },
      [mergeTagsCheck],
    );
    expect(listed.findings).toEqual([]);
  });

  it('flags half a tag written in Markdown, which would otherwise turn into emphasis', async () => {
    const report = await checkApril(appendToBody(0, 'Dear *|FNAME*, hello'), [mergeTagsCheck]);
    expect(withCode(report, 'merge-tags/malformed').map((f) => [f.section, f.message])).toEqual([
      [
        SECTION.welcome,
        '"*|FNAME*," in the email HTML and the plain text starts a merge tag but is not one — a tag is *|NAME|* in capitals',
      ],
    ]);
  });
});

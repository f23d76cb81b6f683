// Client compatibility from pinned caniemail data, with MJML's boilerplate baselined; spam signals.
import { describe, expect, it } from 'vitest';
import { compatCheck } from '../../src/check/checks/compat.js';
import { spamCheck } from '../../src/check/checks/spam.js';
import { CANIEMAIL } from '../../src/check/compat/data.js';
import type { Check, SpamAssassin } from '../../src/check/context.js';
import { parseSpamStatus } from '../../src/check/spamassassin.js';
import { matchFor } from '../../scripts/update-caniemail.js';
import { checkApril, SECTION, withCode } from './april.js';

const ARTICLE = 'templates/email/sections/article.mjml.hbs';
const LAYOUT = 'templates/email/layout.mjml.hbs';

describe('compat check', () => {
  it('the pinned data covers the seven target clients, offline', () => {
    expect(CANIEMAIL.clients.map((c) => c.key)).toEqual([
      'outlook.windows',
      'outlook.outlook-com',
      'gmail.desktop-webmail',
      'gmail.ios',
      'gmail.android',
      'apple-mail.macos',
      'apple-mail.ios',
    ]);
    expect(CANIEMAIL.features.find((f) => f.slug === 'css-display-flex')?.support['outlook.windows']).toBe('n');
  });

  it('display:flex added in a section template is reported in that section, naming the clients without it', async () => {
    const report = await checkApril(
      { template: [ARTICLE, '</mj-text>', '<div style="display:flex"><p>One</p><p>Two</p></div></mj-text>'] },
      [compatCheck],
    );
    expect(withCode(report, 'compat/unsupported').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['warning', SECTION.review, 'display:flex (css-display-flex) is not supported in Outlook (Windows desktop)'],
    ]);
  });

  it('a style block in the layout using features Gmail lacks is reported for the whole issue', async () => {
    const report = await checkApril(
      {
        template: [
          LAYOUT,
          '      :root { color-scheme: light dark; supported-color-schemes: light dark; }\n',
          '      :root { color-scheme: light dark; supported-color-schemes: light dark; }\n      h2::before { content: "§ "; }\n',
        ],
      },
      [compatCheck],
    );
    const [finding] = withCode(report, 'compat/unsupported');
    expect(finding).toMatchObject({ severity: 'warning', section: null });
    expect(finding!.message).toMatch(
      /^::before \(css-pseudo-element-before\) is not supported in Outlook \(Windows desktop\), Gmail \(web\), Gmail \(iOS\), Gmail \(Android\)$/,
    );
  });

  it('the update script reads caniemail titles into matches', () => {
    const raw = (slug: string, title: string, category: string) => ({ slug, title, category, url: '', stats: {} });
    expect(matchFor(raw('css-display-flex', 'display:flex', 'css'))).toEqual({ kind: 'declaration', property: 'display', value: 'flex' });
    expect(matchFor(raw('html-button-submit', '<button type="submit"> element', 'html'))).toEqual({
      kind: 'element-attribute',
      element: 'button',
      attribute: 'type',
      value: '^submit$',
    });
    expect(matchFor(raw('css-at-media-hover', '@media (hover), @media (any-hover)', 'css'))).toEqual({
      kind: 'media-feature',
      names: ['hover', 'any-hover'],
    });
    expect(matchFor(raw('css-selector-child', 'Child combinator', 'css'))).toBeUndefined();
  });
});

describe('spam check', () => {
  it('a shouting subject with exclamation marks scores, and past 5 points the score warns', async () => {
    const report = await checkApril({ content: (_, issue) => void (issue.subject = 'PANEL NEWS: ACT NOW!!') }, [spamCheck]);
    expect(report.findings.map((f) => [f.code, f.severity, f.section])).toEqual([
      ['spam/shouting-subject', 'warning', null],
      ['spam/exclamation-subject', 'warning', null],
    ]);
    const shortened = await checkApril(
      {
        content: (_, issue) =>
          void (
            (issue.subject = 'PANEL NEWS: ACT NOW!!'),
            ((issue.sections[0] as { body: string }).body += '\n\nBook on [the event page](https://bit.ly/3xYz).')
          ),
      },
      [spamCheck],
    );
    expect(shortened.findings.map((f) => [f.code, f.section?.type ?? null])).toEqual([
      ['spam/shouting-subject', null],
      ['spam/exclamation-subject', null],
      ['spam/score-high', null],
      ['spam/url-shortener', 'welcome'],
    ]);
    expect(withCode(shortened, 'spam/score-high')[0]!.message).toBe(
      'the local spam score is 6 (warns from 5); filters are likely to junk this issue',
    );
  });

  it('an email that is all images, all links, or has no plain text scores', async () => {
    const html =
      '<html lang="en"><body><a href="https://www.gov.uk/a"><img src="https://www.gov.uk/a.png" width="600" alt="Our news"></a> <a href="https://www.gov.uk/b">More</a></body></html>';
    const report = await checkApril({ rendered: () => ({ html, text: '' }) }, [spamCheck]);
    expect(report.findings.map((f) => f.code)).toEqual(['spam/link-heavy', 'spam/image-only', 'spam/no-plain-text', 'spam/score-high']);
  });

  it('SpamAssassin, when passed in, scores the whole message; at or over its threshold it warns', async () => {
    const seen: string[] = [];
    const fake =
      (score: number): SpamAssassin =>
      async (message) => (seen.push(message), { score, required: 5, rules: ['HTML_IMAGE_ONLY_08', 'SUBJ_ALL_CAPS'] });
    expect((await checkApril({}, [spamCheck], { spamAssassin: fake(1.2) })).findings).toEqual([]);
    const report = await checkApril({}, [spamCheck], { spamAssassin: fake(6.1) });
    expect(withCode(report, 'spam/spamassassin').map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'SpamAssassin scores the issue 6.1 (spam from 5): HTML_IMAGE_ONLY_08, SUBJ_ALL_CAPS'],
    ]);
    expect(seen[0]).toMatch(/^From: Child Safeguarding Practice Review Panel <Mailbox\.NationalReviewPanel@education\.gov\.uk>\r\n/);
    expect(seen[0]).toContain('Content-Type: multipart/alternative;');
  });

  it('SpamAssassin starts before the other checks run, and the findings keep the registry order', async () => {
    const order: string[] = [];
    const other: Check = {
      name: 'other',
      description: 'a check that runs in the process',
      run: () => (order.push('other check'), [{ code: 'other/x', severity: 'warning', section: null, message: 'x', fix: 'y' }]),
    };
    const spamAssassin: SpamAssassin = async () => (order.push('spamassassin'), { score: 6, required: 5, rules: ['X'] });
    const report = await checkApril({}, [other, spamCheck], { spamAssassin });
    expect(order).toEqual(['spamassassin', 'other check']);
    expect(report.findings.map((f) => f.code)).toEqual(['other/x', 'spam/spamassassin']);
    expect(report.spamAssassin).toEqual({ score: 6, required: 5, rules: ['X'], scoredBy: 'spamassassin' });
  });

  it('a line of the email HTML over 998 characters is a warning', async () => {
    const report = await checkApril({ rendered: (r) => ({ html: r.html.replace('<body', `<body data-x="${'x'.repeat(1000)}"`) }) }, [
      spamCheck,
    ]);
    expect(withCode(report, 'spam/long-line').map((f) => f.message)).toEqual([
      expect.stringMatching(/^1 line of the email HTML is longer than the 998 characters mail allows \(line \d+: \d+ characters\)/),
    ]);
  });

  it('reads SpamAssassin’s folded X-Spam-Status header', () => {
    const output =
      'Subject: x\nX-Spam-Status: Yes, score=7.3 required=5.0 tests=HTML_MESSAGE,\n\tMIME_HTML_ONLY,SUBJ_ALL_CAPS autolearn=no\n\tautolearn_force=no version=4.0.0\n\nbody';
    expect(parseSpamStatus(output)).toEqual({ score: 7.3, required: 5, rules: ['HTML_MESSAGE', 'MIME_HTML_ONLY', 'SUBJ_ALL_CAPS'] });
    expect(parseSpamStatus('no headers here')).toBeUndefined();
  });
});

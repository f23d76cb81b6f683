// Accessibility (lang, alt, heading order, contrast, layout tables) and the inbox view (subject, preheader, sender).
import { describe, expect, it } from 'vitest';
import { accessibilityCheck, contrastRatio } from '../../src/check/checks/accessibility.js';
import { inboxCheck } from '../../src/check/checks/inbox.js';
import { checkApril, SECTION, withCode } from './april.js';

const LAYOUT = 'templates/email/layout.mjml.hbs';
const ARTICLE = 'templates/email/sections/article.mjml.hbs';
const NEWS = 'templates/email/sections/stakeholder-news.mjml.hbs';
const a11y = [accessibilityCheck];
const inbox = [inboxCheck];

describe('accessibility check', () => {
  it('a layout without a language is an error for the whole issue', async () => {
    const report = await checkApril({ template: [LAYOUT, '<mjml lang="en-GB" dir="ltr">', '<mjml>'] }, a11y);
    expect(withCode(report, 'accessibility/lang').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['error', null, 'the email does not say what language it is in; screen readers may read it with the wrong voice'],
    ]);
  });

  it('an image without alt is an error in its section; alt="" (decorative) is fine', async () => {
    const report = await checkApril(
      {
        template: [
          ARTICLE,
          '</mj-text>',
          '<img src="https://example.org/a.png" width="100"><img src="https://example.org/rule.png" width="552" alt=""></mj-text>',
        ],
      },
      a11y,
    );
    expect(withCode(report, 'accessibility/img-alt').map((f) => [f.severity, f.section])).toEqual([
      ['error', SECTION.review],
      ['error', SECTION.lcsprs],
    ]);
  });

  it('a heading that skips a level warns in its section', async () => {
    const report = await checkApril(
      {
        template: [NEWS, '<h3>{{title}}</h3>', '<h4>{{title}}</h4>'],
        content: (_, issue) => void ((issue.sections[7] as { items: { title?: string }[] }).items[0]!.title = 'Learning event'),
      },
      a11y,
    );
    expect(withCode(report, 'accessibility/heading-order').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['warning', SECTION.news, 'the heading "Learning event" is an <h4> after an <h2>; screen-reader users navigate by these levels'],
    ]);
  });

  it('brand colours below 4.5:1 on the background are an error', async () => {
    const report = await checkApril({ content: (content) => void (content.newsletter.colours.muted = '#949494') }, a11y);
    expect(withCode(report, 'accessibility/contrast').map((f) => [f.severity, f.section, f.message])).toEqual([
      [
        'error',
        null,
        'colours.muted (#949494) on colours.background (#ffffff) has a contrast of 3.03:1; text needs at least 4.5:1 (WCAG 1.4.3)',
      ],
    ]);
  });

  it('contrast follows WCAG: black on white is 21:1, the same colour 1:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#1d70b8', '#1d70b8')).toBe(1);
  });

  it('a layout table without role="presentation" warns; a data table with headers does not', async () => {
    const tables = '<table><tr><td>Left</td><td>Right</td></tr></table><table><tr><th>Region</th></tr><tr><td>London</td></tr></table>';
    const report = await checkApril({ template: [NEWS, '</mj-text>', `${tables}</mj-text>`] }, a11y);
    expect(withCode(report, 'accessibility/layout-table').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.news]]);
  });
});

describe('inbox check', () => {
  const subject = (s: string) => ({ content: (_: unknown, issue: { subject: string }) => void (issue.subject = s) });

  it('a subject over 60 characters warns, naming what may be cut off', async () => {
    const report = await checkApril(subject('Child Safeguarding Practice Review Panel newsletter: April 2022'), inbox);
    expect(withCode(report, 'inbox/subject-long').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['warning', null, 'the subject is 63 characters; phones show about 60, so "022" may be cut off'],
    ]);
  });

  it('a subject in capitals warns; an acronym in it does not', async () => {
    expect(
      withCode(await checkApril(subject('PANEL NEWSLETTER: APRIL 2022'), inbox), 'inbox/subject-capitals').map((f) => f.severity),
    ).toEqual(['warning']);
    expect((await checkApril(subject('LCSPRs and the Panel: April 2022'), inbox)).findings).toEqual([]);
  });

  it('a preheader under 40 or over 140 characters warns', async () => {
    const preheader = (p: string) => ({ content: (_: unknown, issue: { preheader: string }) => void (issue.preheader = p) });
    expect(withCode(await checkApril(preheader('Reviews and recruitment.'), inbox), 'inbox/preheader-length')[0]!.message).toMatch(
      /^the preheader is 24 characters/,
    );
    expect(withCode(await checkApril(preheader('x'.repeat(141)), inbox), 'inbox/preheader-length')[0]!.message).toMatch(
      /^the preheader is 141 characters/,
    );
  });

  it('a layout without the preheader block has no preheader', async () => {
    const report = await checkApril({ template: [LAYOUT, '{{preheader}}\n{{{preheaderFiller}}}', ''] }, inbox);
    expect(withCode(report, 'inbox/preheader-missing').map((f) => [f.severity, f.section])).toEqual([['warning', null]]);
  });

  it('no sender or reply-to is an error', async () => {
    const report = await checkApril({ content: (content) => Object.assign(content.newsletter.sender, { name: ' ', replyTo: '' }) }, inbox);
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([
      ['inbox/sender-missing', 'error'],
      ['inbox/reply-to-missing', 'error'],
    ]);
  });
});

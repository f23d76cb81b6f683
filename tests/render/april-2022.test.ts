// The April 2022 issue as subscribers received it: every sentence, in order, in the text and
// web versions. The reference is the text copy of the real email, kept in tests/fixtures/reference/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPaths } from '../../src/pipeline.js';
import type { RenderedIssue } from '../../src/render/index.js';
import { REQUIRED_MERGE_TAGS } from '../../src/render/merge-tags.js';
import { REPO } from '../helpers/project.js';
import { renderFrom, visibleText } from '../helpers/render.js';

const REFERENCE = readFileSync(path.join(REPO, 'tests/fixtures/reference/panel-newsletter-2022-04.txt'), 'utf8');

/**
 * Editorial changes made on purpose, each for a reason a check enforces: link text that says
 * where it goes (WCAG 2.4.4) instead of "click here", full https addresses instead of
 * short links, UK date style without ordinals.
 */
const EDITED: Record<string, string> = {
  'Please see this link for more information: https://bit.ly/CSPRP-Health': 'For more information, see Panel member – health sector role.',
  'Thematic reviews: Click here to access the NSPCC repository: https://learning.nspcc.org.uk/case-reviews':
    'Thematic reviews: access the NSPCC repository.',
  'Click here to sign up for the monthly NSPCC briefing: https://learning.nspcc.org.uk/newsletter/case-reviews-update':
    'Sign up for the monthly NSPCC briefing.',
  'For further details or to book a space, click here.':
    'For further details or to book a space, visit the Strengthening Families, Protecting Children programme page.',
  'Your colleagues can sign up to our newsletter online here: http://eepurl.com/g6z_Tf':
    'Your colleagues can sign up to our newsletter online.',
};

/** The reference's sentences from "Welcome" to the end of "Have Your Say", normalised. */
function referenceSentences(): string[] {
  const body = REFERENCE.slice(REFERENCE.indexOf('Welcome'), REFERENCE.indexOf('\nTwitter'));
  return body
    .split('\n')
    .map((line) => normalise(line.replace(/^\s*[•·]\s*/, '')))
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.?!])\s+(?=[A-Z])|(?<=Thematic reviews: .*?case-reviews)\s/))
    .map((s) => EDITED[s] ?? s);
}

function normalise(s: string): string {
  return s
    .replace(/\b(\d{1,2})(st|nd|rd|th)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Assert each sentence occurs in order; report the first that does not. */
function expectInOrder(haystack: string, sentences: string[]): void {
  let from = 0;
  for (const sentence of sentences) {
    const needle = sentence.replace(/[.:]$/, '');
    const at = haystack.indexOf(needle, from);
    expect(at, `"${sentence}" should follow "${haystack.slice(Math.max(0, from - 80), from)}"`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

describe('the April 2022 issue', () => {
  let rendered: RenderedIssue;
  beforeAll(async () => {
    rendered = await renderFrom(projectPaths(REPO));
  });

  it('has every sentence of the reference', () => {
    expect(referenceSentences().length).toBeGreaterThan(60);
  });

  it('reads in order in the plain text, links as "text (URL)"', () => {
    const text = normalise(rendered.text).replace(/ \((https?:|mailto:)[^)]*\)/g, '');
    expectInOrder(text, referenceSentences());
    expect(rendered.text).toContain(
      'updated terms of reference\n(https://www.gov.uk/government/publications/national-review-into-the-murders-of-arthur-labinjo-hughes-and-star-hobson)',
    );
  });

  it('reads in order in the web version', () => {
    expectInOrder(visibleText(rendered.web), referenceSentences());
  });

  it('reads in order in the email', () => {
    expectInOrder(visibleText(rendered.html), referenceSentences());
  });

  it('lists the reviews published in its window from the registry, and only those', () => {
    const text = visibleText(rendered.web);
    expect(text).toContain('These LCSPRs were published between 1 December 2021 and 28 February 2022.');
    expect(text).toContain('SCR Matthew – Hull Safeguarding Children Partnership (Yorkshire and the Humber), published 7 February 2022');
    expect(text).toContain(
      'CSPR Peer on Peer Abuse – Hull Safeguarding Children Partnership (Yorkshire and the Humber), published 21 February 2022',
    );
    expect(text).not.toContain('Arthur Labinjo-Hughes and Star Hobson – ');
  });

  it('generates "In this issue" from the sections', () => {
    const start = rendered.text.indexOf('In This Issue\n');
    const contents = rendered.text.slice(start, rendered.text.indexOf('\n\n\n', start));
    expect(contents.match(/^- /gm)).toHaveLength(6);
    expect(contents).toContain('- Panel recruitment – health sector');
  });

  it('carries every Mailchimp merge tag in the email HTML and text', () => {
    for (const tag of REQUIRED_MERGE_TAGS) {
      expect(rendered.html, tag).toContain(tag);
      expect(rendered.text, tag).toContain(tag);
    }
    expect(rendered.html).toContain('href="*|UNSUB|*"');
    expect(rendered.html).toContain('href="*|ARCHIVE|*"');
  });

  it('has a preheader with filler, its own font stack and no web fonts', () => {
    expect(rendered.html).toMatch(/The Panel’s current national reviews[^<]*(&#847;&zwnj;&nbsp;){20}/);
    expect(rendered.html).toContain('font-family:Arial,Helvetica,sans-serif');
    expect(rendered.html).not.toMatch(/fonts\.googleapis|@import/);
  });

  it('is email HTML from MJML with lang en-GB and under 60 KB', () => {
    expect(rendered.mjmlProblems).toEqual([]);
    expect(rendered.html).toMatch(/^<!doctype html><html lang="en-GB"/i);
    expect(Buffer.byteLength(rendered.html)).toBeLessThan(60 * 1024);
  });

  it('has a web version that is valid HTML5 in en-GB with merge tags replaced', async () => {
    expect(rendered.web).toMatch(/<html lang="en-GB">/);
    expect(rendered.web).not.toMatch(/\*\|[A-Z_:]+\|\*/);
    const report = await new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-inline-style': 'off', 'long-title': 'off' },
    }).validateString(rendered.web);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  it('writes UK dates: the closing date with its weekday, the issue date in full', () => {
    expect(visibleText(rendered.html)).toContain('The closing date for applications is Monday 18 April 2022.');
    expect(rendered.text).toMatch(/^Child Safeguarding Practice Review Panel newsletter\n5 April 2022\n/);
  });
});

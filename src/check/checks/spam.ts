// Spam signals a filter would score, counted locally: a shouting subject, more links than words,
// an email that is all images, no plain-text part, link shorteners. When SpamAssassin is installed
// (and passed in), its offline score is reported too.
import { type Check, type CheckContext, sectionRef } from '../context.js';
import type { Finding } from '../finding.js';
import { emailMessage } from '../message.js';
import { isShouting } from './inbox.js';

export const SPAM_SCORE_WARN = 5;
export const SHORTENERS = new Set([
  'bit.ly',
  'tinyurl.com',
  't.co',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'lnkd.in',
]);
/** Words of visible text per link below which an email reads as a page of links. */
const WORDS_PER_LINK = 12;
const IMAGE_ONLY_WORDS = 60;
const PLAIN_TEXT_MIN_CHARS = 100;

interface Signal extends Finding {
  points: number;
}

export const spamCheck: Check = {
  name: 'spam',
  description: 'local spam-signal score, and SpamAssassin offline when installed',
  run: async (ctx) => {
    const signals = [...subjectSignals(ctx), ...bodySignals(ctx), ...shortenerSignals(ctx)];
    const score = signals.reduce((sum, s) => sum + s.points, 0);
    const findings: Finding[] = signals.map(({ points, ...f }) => ({ ...f, message: `${f.message} (+${points} spam points)` }));
    if (score >= SPAM_SCORE_WARN)
      findings.push({
        code: 'spam/score-high',
        severity: 'warning',
        section: null,
        message: `the local spam score is ${score} (warns from ${SPAM_SCORE_WARN}); filters are likely to junk this issue`,
        fix: 'deal with the spam signals listed for this issue',
      });
    return [...findings, ...(await spamAssassin(ctx))];
  },
};

function subjectSignals({ issue }: CheckContext): Signal[] {
  const signals: Signal[] = [];
  if (isShouting(issue.subject))
    signals.push({
      points: 2,
      code: 'spam/shouting-subject',
      severity: 'warning',
      section: null,
      message: 'the subject is in capitals',
      fix: `write subject in ${issue.file} in sentence case`,
    });
  const bangs = (issue.subject.match(/!/g) ?? []).length;
  if (bangs > 0)
    signals.push({
      points: bangs > 1 ? 2 : 1,
      code: 'spam/exclamation-subject',
      severity: 'warning',
      section: null,
      message: `the subject has ${bangs} exclamation mark${bangs > 1 ? 's' : ''}`,
      fix: `end subject in ${issue.file} without "!"`,
    });
  return signals;
}

function bodySignals({ email, rendered, issue }: CheckContext): Signal[] {
  const signals: Signal[] = [];
  const body = email.elements.find((e) => e.name === 'body');
  const hidden = email.elements.filter((e) => /display:\s*none/.test(e.attribs.style ?? ''));
  const hiddenWords = hidden.reduce((n, e) => n + words(email.text(e)), 0);
  const visibleWords = (body ? words(email.text(body)) : 0) - hiddenWords;
  const links = email.elements.filter((e) => e.name === 'a').length;
  const images = email.elements.filter((e) => e.name === 'img').length;
  if (links > 0 && visibleWords / links < WORDS_PER_LINK)
    signals.push({
      points: 2,
      code: 'spam/link-heavy',
      severity: 'warning',
      section: null,
      message: `the email has ${links} links for ${visibleWords} words of text`,
      fix: 'write more about fewer links; keep one link per item',
    });
  if (images > 0 && visibleWords < IMAGE_ONLY_WORDS)
    signals.push({
      points: 3,
      code: 'spam/image-only',
      severity: 'warning',
      section: null,
      message: `the email is mostly images (${images}) with ${visibleWords} words of text`,
      fix: 'put the message in text; images cannot be read by filters or with images off',
    });
  if (rendered.text.trim().length < PLAIN_TEXT_MIN_CHARS)
    signals.push({
      points: 2,
      code: 'spam/no-plain-text',
      severity: 'warning',
      section: null,
      message: 'the plain-text version is missing or nearly empty',
      fix: `check that ${issue.file} renders to text (src/render/text.ts)`,
    });
  return signals;
}

function shortenerSignals({ email, issue }: CheckContext): Signal[] {
  return email.elements
    .filter((a) => a.name === 'a' && SHORTENERS.has(host(a.attribs.href ?? '')))
    .map((a) => ({
      points: 2,
      code: 'spam/url-shortener',
      severity: 'warning' as const,
      section: sectionRef(issue, email.sectionOf(a)),
      message: `${a.attribs.href} goes through a link shortener, which spammers use to hide where links go`,
      fix: `link to the full address in ${email.sectionOf(a) === null ? 'content/newsletter.yaml' : issue.file}`,
    }));
}

async function spamAssassin(ctx: CheckContext): Promise<Finding[]> {
  const run = ctx.options.spamAssassin;
  if (!run) return [];
  const { score, required, rules } = await run(emailMessage(ctx));
  if (score < required) return [];
  return [
    {
      code: 'spam/spamassassin',
      severity: 'warning',
      section: null,
      message: `SpamAssassin scores the issue ${score} (spam from ${required}): ${rules.join(', ') || 'no rules named'}`,
      fix: 'look up each rule named and change what triggers it',
    },
  ];
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function host(href: string): string {
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

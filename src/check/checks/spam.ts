// Spam signals a filter would score, counted locally: a shouting subject, more links than words,
// an email that is all images, no plain-text part, link shorteners, lines longer than mail allows.
// When SpamAssassin is installed (and passed in), its offline score is reported too, whatever it is.
import { MAX_LINE_LENGTH, overlongLines } from '../../render/wrap-lines.js';
import { type Check, type CheckContext, sectionRef } from '../context.js';
import type { CheckReport, Finding } from '../finding.js';
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
  waits: true,
  run: async (ctx) => {
    const scoring = spamAssassin(ctx); // SpamAssassin first: it scores while the signals are counted
    const signals = [...subjectSignals(ctx), ...bodySignals(ctx), ...shortenerSignals(ctx), ...longLineSignals(ctx)];
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
    return [...findings, ...(await scoring)];
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

/** Mail servers may break a longer line anywhere, even inside a tag; SpamAssassin scores it (__LONGLINE). */
function longLineSignals({ rendered }: CheckContext): Signal[] {
  const long = overlongLines(rendered.html);
  if (long.length === 0) return [];
  const [first] = long;
  return [
    {
      points: 1,
      code: 'spam/long-line',
      severity: 'warning',
      section: null,
      message: `${long.length} line${long.length > 1 ? 's' : ''} of the email HTML ${long.length > 1 ? 'are' : 'is'} longer than the ${MAX_LINE_LENGTH} characters mail allows (line ${first!.line}: ${first!.length} characters)`,
      fix: 'shorten the long web address or unbroken text; the render breaks lines only at spaces (src/render/wrap-lines.ts)',
    },
  ];
}

async function spamAssassin(ctx: CheckContext): Promise<Finding[]> {
  const run = ctx.options.spamAssassin;
  if (!run) return [];
  let result;
  try {
    result = await run(emailMessage(ctx));
  } catch (e) {
    return [
      {
        code: 'spam/spamassassin-failed',
        severity: 'warning',
        section: null,
        message: `SpamAssassin could not score the issue: ${e instanceof Error ? e.message : String(e)}`,
        fix: 'run `spamassassin -L --lint` to see what is wrong with its set-up, or set NEWSLETTER_SPAMASSASSIN=off',
      },
    ];
  }
  const { score, required, rules, scoredBy = 'spamassassin' } = result;
  ctx.measured.spamAssassin = { score, required, rules, scoredBy };
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

/** The line a report for people shows under the findings, when SpamAssassin scored the issue. */
export function spamAssassinLine({ spamAssassin: sa }: Pick<CheckReport, 'spamAssassin'>): string | undefined {
  if (!sa) return undefined;
  const by = sa.scoredBy === 'spamd' ? 'spamd' : 'SpamAssassin, offline';
  return `SpamAssassin score: ${sa.score.toFixed(1)} (${by}; spam from ${sa.required.toFixed(1)})${sa.rules.length ? `: ${sa.rules.join(', ')}` : ''}.`;
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

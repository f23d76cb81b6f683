// How the issue looks in the inbox list, before anyone opens it: a subject that fits on a phone
// and does not shout, a preheader that completes it, and a sender and reply-to address.
import { type Check, type CheckContext } from '../context.js';
import type { Finding } from '../finding.js';

export const SUBJECT_MAX = 60;
export const PREHEADER_MIN = 40;
export const PREHEADER_MAX = 140;

/** Upper-case letters make up the subject (at least a few of them); acronyms alone are fine. */
export function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 8 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export const inboxCheck: Check = {
  name: 'inbox',
  description: 'subject and preheader length, no capitals-only subject, sender and reply-to set',
  run: (ctx) => [...subject(ctx), ...preheader(ctx), ...sender(ctx)],
};

function subject({ issue }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const length = [...issue.subject].length;
  if (length > SUBJECT_MAX)
    findings.push({
      code: 'inbox/subject-long',
      severity: 'warning',
      section: null,
      message: `the subject is ${length} characters; phones show about ${SUBJECT_MAX}, so "${[...issue.subject].slice(SUBJECT_MAX).join('')}" may be cut off`,
      fix: `shorten subject in ${issue.file} to ${SUBJECT_MAX} characters or fewer`,
    });
  if (isShouting(issue.subject))
    findings.push({
      code: 'inbox/subject-capitals',
      severity: 'warning',
      section: null,
      message: 'the subject is all in capitals; it reads as shouting and spam filters score it',
      fix: `write subject in ${issue.file} in sentence case`,
    });
  return findings;
}

function preheader({ issue, email }: CheckContext): Finding[] {
  const text = issue.preheader.trim();
  const length = [...text].length;
  // The layout puts the preheader in a hidden block at the top of <body>; a layout without it loses it.
  const shown = email.elements.some(
    (e) => e.name === 'div' && /display:\s*none/.test(e.attribs.style ?? '') && email.text(e).startsWith(text.slice(0, 30)),
  );
  if (!text || !shown)
    return [
      {
        code: 'inbox/preheader-missing',
        severity: 'warning',
        section: null,
        message: 'the email has no preheader; inboxes show the first words of the page ("View this email in your browser…") instead',
        fix: `set preheader in ${issue.file} and keep the hidden preheader block at the top of <mj-body> in templates/email/layout.mjml.hbs`,
      },
    ];
  if (length < PREHEADER_MIN || length > PREHEADER_MAX)
    return [
      {
        code: 'inbox/preheader-length',
        severity: 'warning',
        section: null,
        message: `the preheader is ${length} characters; ${length < PREHEADER_MIN ? "inboxes fill the rest of the line with the email's first words" : 'inboxes show at most about ' + PREHEADER_MAX}`,
        fix: `write a preheader of ${PREHEADER_MIN}–${PREHEADER_MAX} characters in ${issue.file}`,
      },
    ];
  return [];
}

function sender({ content: { newsletter } }: CheckContext): Finding[] {
  const findings: Finding[] = [];
  if (!newsletter.sender.name.trim() || !newsletter.sender.email.trim())
    findings.push({
      code: 'inbox/sender-missing',
      severity: 'error',
      section: null,
      message: 'the email has no sender name and address; Mailchimp will not send it',
      fix: 'set sender.name and sender.email in content/newsletter.yaml',
    });
  if (!newsletter.sender.replyTo.trim())
    findings.push({
      code: 'inbox/reply-to-missing',
      severity: 'error',
      section: null,
      message: 'the email has no reply-to address; replies would be lost',
      fix: 'set sender.replyTo in content/newsletter.yaml',
    });
  return findings;
}

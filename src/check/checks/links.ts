// Every link in the email: well formed, https: or mailto:, never javascript:/data:, never empty
// or "#", and link text that says where it goes (WCAG 2.4.4) rather than "click here".
import type { Element } from 'domhandler';
import { LINK_MERGE_TAGS } from '../../render/merge-tags.js';
import { type Check, type CheckContext, sectionRef } from '../context.js';
import { fieldOf } from '../field-of.js';
import type { Finding } from '../finding.js';

/** Link text that means nothing out of context (WCAG 2.4.4), compared in lower case without punctuation. */
const VAGUE_TEXT = new Set([
  'here',
  'click here',
  'click',
  'this',
  'this link',
  'link',
  'more',
  'read more',
  'find out more here',
  'click this link',
]);
const MAILTO = /^mailto:[^@\s]+@[^@\s]+\.[^@\s]+$/i;

export const linksCheck: Check = {
  name: 'links',
  description: 'links well formed, https or mailto, with text that says where they go',
  wcag: ['2.4.4 Link Purpose (In Context)'],
  run: (ctx) => ctx.email.elements.filter((e) => e.name === 'a').flatMap((a) => linkProblems(ctx, a)),
};

function linkProblems(ctx: CheckContext, a: Element): Finding[] {
  const { issue, email } = ctx;
  const section = sectionRef(issue, email.sectionOf(a));
  // As a browser reads it: tabs and line breaks inside an address, and controls around it, do not count.
  const href = (a.attribs.href ?? '').replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const text = email.text(a);
  const where = section ? issue.file : 'templates/email/layout.mjml.hbs';
  const label = text ? `"${text.slice(0, 60)}"` : 'a link with no text';
  // The field the link was written in, looked for by its address as written (or its text, when it has none).
  const placed = fieldOf(issue, section?.index ?? null, a.attribs.href || (text ? `[${text}]` : ''));
  const found = (code: string, severity: Finding['severity'], message: string, fix: string): Finding[] => [
    { code: `links/${code}`, severity, section, message, fix, ...placed },
  ];
  const problems: Finding[] = [];

  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (href === '' || href === '#')
    problems.push(...found('empty', 'error', `${label} goes nowhere (href="${href}")`, `give it the full https:// address in ${where}`));
  else if (scheme === 'javascript' || scheme === 'data' || scheme === 'vbscript')
    problems.push(
      ...found(
        'unsafe',
        'error',
        `${label} uses a ${scheme}: link, which email clients block and spam filters punish`,
        `link to an https:// page instead, in ${where}`,
      ),
    );
  else if (LINK_MERGE_TAGS.has(href)) {
    // Mailchimp replaces it with its own https:// address.
  } else if (href.startsWith('#')) {
    if (!email.elements.some((e) => e.attribs.id === href.slice(1) || e.attribs.name === href.slice(1)))
      problems.push(
        ...found(
          'broken-anchor',
          'error',
          `${label} points to ${href}, which is not in the email`,
          `point it at a section heading's anchor, in ${where}`,
        ),
      );
  } else if (scheme === 'mailto') {
    if (!MAILTO.test(href))
      problems.push(
        ...found(
          'malformed',
          'error',
          `${label} has the address "${href}", which is not an email address`,
          `write it as mailto:name@example.org in ${where}`,
        ),
      );
  } else if (scheme === 'http')
    problems.push(...found('insecure', 'error', `${label} links to ${href} over plain http:`, `use the https:// address, in ${where}`));
  else if (scheme !== 'https' || !wellFormed(href))
    problems.push(
      ...found(
        'malformed',
        'error',
        `${label} has the address "${href}", which is not a full https:// web address`,
        `write the full address, starting https://, in ${where}`,
      ),
    );

  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim();
  if (VAGUE_TEXT.has(words))
    problems.push(
      ...found(
        'vague-text',
        'warning',
        `the link text "${text}" does not say where the link goes (WCAG 2.4.4)`,
        `make the words that are linked describe the destination, e.g. "[the terms of reference](…)", in ${where}`,
      ),
    );
  return problems;
}

function wellFormed(href: string): boolean {
  if (/\s/.test(href)) return false;
  try {
    return new URL(href).hostname.includes('.');
  } catch {
    return false;
  }
}

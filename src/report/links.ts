// Which section of the issue each link sits in, from the email as subscribers received it: the
// same section mapping the checks use (check/email-dom.ts), so a click is credited to the section
// whose text carried the link. Pure.
import { parseEmail } from '../check/email-dom.js';

export interface SectionRef {
  /** 0-based index of the section, or null for the layout around them (header, footer). */
  index: number | null;
  /** The section's heading as subscribers saw it, or a name for the rest. */
  title: string;
}

export const LAYOUT: SectionRef = { index: null, title: 'Header and footer' };
export const NOT_IN_EMAIL: SectionRef = { index: null, title: 'Not in the email as sent' };
const SECTION_ANCHOR = /^s(\d+)-/;

/** Every https link of the email with the sections it appears in (most links appear once). */
export function linkSections(html: string): Map<string, SectionRef[]> {
  const email = parseEmail(html);
  const titles = new Map<number, string>();
  for (const e of email.elements) {
    const m = SECTION_ANCHOR.exec(e.attribs.id ?? '');
    if (m) titles.set(Number(m[1]) - 1, email.text(e));
  }
  const found = new Map<string, SectionRef[]>();
  for (const a of email.elements.filter((e) => e.name === 'a')) {
    const href = (a.attribs.href ?? '').trim();
    if (!/^https?:\/\//i.test(href)) continue;
    const index = email.sectionOf(a);
    const ref = index === null ? LAYOUT : { index, title: titles.get(index) ?? `Section ${index + 1}` };
    const list = found.get(href) ?? [];
    if (!list.some((r) => r.index === ref.index)) list.push(ref);
    found.set(href, list);
  }
  return found;
}

/** Where a link Mailchimp reports sits; a link found in several sections names them all. */
export function sectionOfLink(url: string, sections: Map<string, SectionRef[]>): SectionRef {
  const refs = sections.get(url) ?? sections.get(url.replace(/\/$/, '')) ?? sections.get(`${url}/`);
  if (!refs || refs.length === 0) return NOT_IN_EMAIL;
  if (refs.length === 1) return refs[0]!;
  return { index: null, title: `Several sections: ${refs.map((r) => r.title).join('; ')}` };
}

// The email HTML parsed once for every check, with each position mapped to the section it falls
// in: the nearest section anchor (id="s<N>-…", from anchorFor) at or before it.
import type { Document, Element } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface EmailDom {
  document: Document;
  /** Every element in document order. Outlook-only markup inside conditional comments is not parsed. */
  elements: Element[];
  /** Section index (0-based) for a character position in the HTML; null before the first section. */
  sectionAt(position: number): number | null;
  sectionOf(node: Element): number | null;
  text(node: Element | Document): string;
}

const SECTION_ANCHOR = /^s(\d+)-/;

export function parseEmail(html: string): EmailDom {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const elements = findAll(() => true, document.children);
  const anchors = elements
    .map((e) => ({ at: e.startIndex ?? 0, match: SECTION_ANCHOR.exec(e.attribs.id ?? '') }))
    .filter((a): a is { at: number; match: RegExpExecArray } => a.match !== null)
    .map((a) => ({ at: a.at, index: Number(a.match[1]) - 1 }));
  const sectionAt = (position: number) => {
    let found: number | null = null;
    for (const a of anchors) if (a.at <= position) found = a.index;
    return found;
  };
  return {
    document,
    elements,
    sectionAt,
    sectionOf: (node) => sectionAt(node.startIndex ?? 0),
    text: (node) => textContent(node).replace(/\s+/g, ' ').trim(),
  };
}

/** Image sources that are files beside the issue rather than web addresses, for the size check to weigh. */
export function localImageSources(email: EmailDom): string[] {
  const sources = email.elements.filter((e) => e.name === 'img').map((e) => (e.attribs.src ?? '').trim());
  return [...new Set(sources.filter((src) => src !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|\*\|)/i.test(src)))];
}

// The email HTML parsed once for every check, with each position mapped to the section it falls
// in. A section's markup is the largest element around its anchored heading (id="s<N>-…", from
// anchorFor) that holds no other section's heading; what lies outside every section is the layout's.
import { type Document, type Element, isTag } from 'domhandler';
import { findAll, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface EmailDom {
  document: Document;
  /** Every element in document order. Outlook-only markup inside conditional comments is not parsed. */
  elements: Element[];
  /** Section index (0-based) for a character position in the HTML; null in the layout around the sections. */
  sectionAt(position: number): number | null;
  sectionOf(node: Element): number | null;
  text(node: Element | Document): string;
}

const SECTION_ANCHOR = /^s(\d+)-/;

export function parseEmail(html: string): EmailDom {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: true });
  const elements = findAll(() => true, document.children);
  const anchors = elements.filter((e) => SECTION_ANCHOR.test(e.attribs.id ?? ''));
  const holdsAnother = (node: Element, own: Element) =>
    anchors.some((a) => a !== own && a.startIndex! >= node.startIndex! && a.startIndex! <= node.endIndex!);
  const extents = anchors.map((anchor) => {
    let node = anchor;
    while (node.parent && isTag(node.parent) && !holdsAnother(node.parent, anchor)) node = node.parent;
    return { index: Number(SECTION_ANCHOR.exec(anchor.attribs.id!)![1]) - 1, start: node.startIndex!, end: node.endIndex! };
  });
  const sectionAt = (position: number) => extents.find((x) => position >= x.start && position <= x.end)?.index ?? null;
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

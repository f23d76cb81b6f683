// The view of an issue that templates and the plain-text writer share: everything computed
// (contents list, reviews in the window, regional table, UK dates) and every optional value
// present as null, so Handlebars' strict mode can tell a missing value from an empty one.
import type { Content, Issue, PublishedReview, Section } from '../content/schema.js';
import { ukDate, ukDateTime, ukDateWithDay } from '../time/uk.js';
import { issueImageRefs } from '../content/pictures.js';
import { imageView, type MastheadView, mastheadView } from './images.js';
import { markdownInline, markdownToHtml } from './markdown.js';
import { byCodePoint } from '../order.js';

export interface ContentsItem {
  title: string;
  anchor: string;
}

export interface RegionRow {
  region: string;
  links: string;
  changed: boolean;
}

export interface ReviewItem {
  title: string;
  partnership: string;
  region: string;
  published: string;
  url: string;
}

/** A section as templates see it: its content fields, with Markdown already turned into HTML. */
export type SectionView = {
  index: number;
  type: Section['type'];
  anchor: string;
  title: string;
  [field: string]: unknown;
};

export interface IssueView {
  id: string;
  subject: string;
  preheader: string;
  /** Invisible characters after the preheader, so body text does not leak into the inbox snippet. */
  preheaderFiller: string;
  sendDate: string;
  sendDateTime: string;
  newsletter: Content['newsletter'] & { addressLine: string };
  /** The masthead logo, or null: the name alone. */
  masthead: MastheadView | null;
  /** Whether the issue shows any picture (the web page's picture styles are written only then). */
  pictures: boolean;
  sections: SectionView[];
}

// Litmus's preview-text hack (Maizzle and Cerberus use it too), in four lines of 20: no line of the
// email grows long, and a line break is one more invisible space in the snippet.
const PREHEADER_FILLER = Array.from({ length: 4 }, () => '&#847;&zwnj;&nbsp;'.repeat(20)).join('\n');

/** Sections that "In this issue" leaves out unless they say otherwise. */
const NOT_IN_CONTENTS = new Set<Section['type']>(['welcome', 'in-this-issue', 'have-your-say']);

export function anchorFor(section: Section, index: number): string {
  const slug = section.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `s${index + 1}-${slug}`;
}

export function contentsItems(issue: Issue): ContentsItem[] {
  return issue.sections.flatMap((s, i) => {
    if (s.contents === false || (s.contents === undefined && NOT_IN_CONTENTS.has(s.type))) return [];
    return [{ title: s.contents ?? s.title, anchor: anchorFor(s, i) }];
  });
}

export function reviewsInWindow(
  reviews: readonly PublishedReview[],
  window: { from: string; to: string },
  kinds: readonly string[],
): PublishedReview[] {
  return reviews
    .filter((r) => kinds.includes(r.kind) && r.published >= window.from && r.published <= window.to)
    .sort((a, b) => byCodePoint(a.published, b.published) || a.title.localeCompare(b.title));
}

export function windowText(window: { from: string; to: string }): string {
  return `published between ${ukDate(window.from)} and ${ukDate(window.to)}`;
}

/** The issue sent before this one, if any (for "changed since the last issue"). */
export function previousIssue(content: Content, issue: Issue): Issue | undefined {
  return content.issues.filter((i) => i.sendAt < issue.sendAt).at(-1);
}

export function regionRows(content: Content, issue: Issue): RegionRow[] {
  const since = previousIssue(content, issue)?.sendAt.slice(0, 10);
  return content.regions.regions.map((r) => ({
    region: r.region,
    links: r.links.map((l) => l.name).join(' and '),
    changed: since !== undefined && r.links.some((l) => l.since !== undefined && l.since > since && l.since <= issue.sendAt.slice(0, 10)),
  }));
}

export function buildIssueView(content: Content, issue: Issue): IssueView {
  const { newsletter } = content;
  return {
    id: issue.id,
    subject: issue.subject,
    preheader: issue.preheader,
    preheaderFiller: PREHEADER_FILLER,
    sendDate: ukDate(issue.sendAt.slice(0, 10)),
    sendDateTime: ukDateTime(issue.sendAt),
    newsletter: { ...newsletter, addressLine: newsletter.postalAddress.join(' · ') },
    masthead: mastheadView(content),
    pictures: content.newsletter.masthead !== undefined || issueImageRefs(issue).length > 0,
    sections: issue.sections.map((s, i) => sectionView(content, issue, s, i)),
  };
}

function sectionView(content: Content, issue: Issue, s: Section, index: number): SectionView {
  const base = { index, type: s.type, anchor: anchorFor(s, index), title: s.title };
  const html = (md: string | undefined) => (md === undefined ? null : markdownToHtml(md));
  switch (s.type) {
    case 'welcome':
    case 'article':
      return { ...base, bodyHtml: html(s.body), image: imageView(content, issue, s.image, 'section') };
    case 'in-this-issue':
      return { ...base, items: contentsItems(issue) };
    case 'regional-links':
      return {
        ...base,
        introHtml: html(s.intro),
        rows: regionRows(content, issue).map((r) => ({ ...r, changed: s.markChanges && r.changed })),
        afterHtml: html(s.after),
      };
    case 'recruitment':
      return { ...base, bodyHtml: html(s.body), role: s.role, closingDate: ukDateWithDay(s.closingDate), url: s.url, linkText: s.linkText };
    case 'published-reviews': {
      const reviews: ReviewItem[] = reviewsInWindow(content.reviews, s.window, s.kinds).map((r) => ({
        title: r.title,
        partnership: r.partnership,
        region: r.region,
        published: ukDate(r.published),
        url: r.url,
      }));
      return { ...base, windowText: windowText(s.window), reviews, afterHtml: html(s.after) };
    }
    case 'stakeholder-news':
      return {
        ...base,
        items: s.items.map((item) => ({
          title: item.title ?? null,
          bodyHtml: html(item.body),
          url: item.url ?? null,
          linkText: item.url ? markdownInline(item.linkText ?? 'Find out more') : null,
          image: imageView(content, issue, item.image, 'item'),
        })),
      };
    case 'have-your-say':
      return { ...base, bodyHtml: html(s.body), mailbox: content.newsletter.feedbackMailbox, signUpUrl: content.newsletter.signUpUrl };
  }
}

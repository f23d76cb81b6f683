// Mailchimp merge tags: the ones the email must carry, the ones this newsletter may use (Mailchimp's
// own tags plus the audience's merge fields listed in newsletter.yaml), and what each means on the
// web, where nobody was emailed. Every value put into the web version is HTML-escaped: it comes
// from content (a name, a subject), and content is text, never markup.
import type { Issue, Newsletter } from '../content/schema.js';
import { MONTH_NAMES, ukDate } from '../time/uk.js';
import { escapeHtml } from './html.js';

export const REQUIRED_MERGE_TAGS = [
  '*|ARCHIVE|*',
  '*|UNSUB|*',
  '*|UPDATE_PROFILE|*',
  '*|ABOUT_LIST|*',
  '*|EMAIL|*',
  '*|LIST:ADDRESSLINE|*',
] as const;

interface WebPlace {
  newsletter: Newsletter;
  issue: Pick<Issue, 'subject' | 'preheader' | 'sendAt'>;
  /** Address of the issue's web version. */
  pageUrl: string;
}

const address = (p: WebPlace) => p.newsletter.postalAddress.join(' · ');

/** Mailchimp's own tags (not the audience's fields) and their web equivalents. */
const STANDARD: Record<string, (p: WebPlace) => string> = {
  ARCHIVE: (p) => p.pageUrl,
  FORWARD: (p) => p.pageUrl,
  UNSUB: (p) => p.newsletter.preferencesUrl,
  UPDATE_PROFILE: (p) => p.newsletter.preferencesUrl,
  ABOUT_LIST: (p) => p.newsletter.signUpUrl,
  EMAIL: () => 'you',
  'LIST:ADDRESSLINE': address,
  'LIST:ADDRESS': address,
  'HTML:LIST_ADDRESS_HTML': address,
  'LIST:NAME': (p) => p.newsletter.name,
  'LIST:COMPANY': (p) => p.newsletter.organisation,
  'LIST:DESCRIPTION': () => '',
  'LIST:URL': (p) => p.newsletter.websiteUrl,
  'MC:SUBJECT': (p) => p.issue.subject,
  MC_PREVIEW_TEXT: (p) => p.issue.preheader,
  'MC:DATE': (p) => ukDate(p.issue.sendAt.slice(0, 10)),
  CURRENT_YEAR: (p) => p.issue.sendAt.slice(0, 4),
  REWARDS: () => '',
};

/** Tags Mailchimp replaces with a web address, so they may stand as a link's href. */
export const LINK_MERGE_TAGS: ReadonlySet<string> = new Set([
  '*|ARCHIVE|*',
  '*|FORWARD|*',
  '*|UNSUB|*',
  '*|UPDATE_PROFILE|*',
  '*|ABOUT_LIST|*',
  '*|LIST:URL|*',
]);

/** A merge tag as Mailchimp reads it: *|NAME|*, upper case, no spaces (DATE: takes a PHP date format). */
export const MERGE_TAG = /\*\|([A-Z0-9_:/-]+|DATE:[A-Za-z0-9 ,./:-]{1,30})\|\*/g;

/** Every tag name this newsletter may use (without *| |*), for suggestions: Mailchimp's and the audience's. */
export function mergeTagNames(newsletter: Newsletter): string[] {
  return [...Object.keys(STANDARD), ...newsletter.mergeFields.map((f) => f.tag)];
}

/** Whether a tag as written ("*|FNAME|*") is Mailchimp's own or one of the audience's merge fields. */
export function isKnownMergeTag(tag: string, newsletter: Newsletter): boolean {
  const name = tag.slice(2, -2);
  return name in STANDARD || /^DATE:./.test(name) || newsletter.mergeFields.some((f) => f.tag === name);
}

/** Replace every merge tag with what makes sense on a web page nobody was emailed; unknown ones with nothing. */
export function toWebEquivalents(html: string, place: WebPlace): string {
  const fields = new Map(place.newsletter.mergeFields.map((f) => [f.tag, f.web]));
  return html.replace(MERGE_TAG, (_, name: string) => {
    const value = name.startsWith('DATE:')
      ? phpDate(name.slice(5), place.issue.sendAt)
      : (STANDARD[name]?.(place) ?? fields.get(name) ?? '');
    return escapeHtml(value);
  });
}

/** *|DATE:d/m/Y|* on the send date: the PHP date letters Mailchimp documents; other characters as written. */
function phpDate(format: string, sendAt: string): string {
  const [y, m, d] = sendAt.slice(0, 10).split('-') as [string, string, string];
  const month = MONTH_NAMES[Number(m) - 1]!;
  const letters: Record<string, string> = {
    d,
    j: String(Number(d)),
    m,
    n: String(Number(m)),
    Y: y,
    y: y.slice(2),
    F: month,
    M: month.slice(0, 3),
  };
  return [...format].map((c) => letters[c] ?? c).join('');
}

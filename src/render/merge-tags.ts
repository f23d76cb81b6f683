// Mailchimp merge tags: the ones the email must carry, and their equivalents on the web.
import type { Newsletter } from '../content/schema.js';

export const REQUIRED_MERGE_TAGS = [
  '*|ARCHIVE|*',
  '*|UNSUB|*',
  '*|UPDATE_PROFILE|*',
  '*|ABOUT_LIST|*',
  '*|EMAIL|*',
  '*|LIST:ADDRESSLINE|*',
] as const;

/** Merge tags Mailchimp fills in (a subset of its list; enough to tell a typo from a real tag). */
export const KNOWN_MERGE_TAGS = new Set([
  ...REQUIRED_MERGE_TAGS,
  '*|FNAME|*',
  '*|LNAME|*',
  '*|LIST:NAME|*',
  '*|LIST:COMPANY|*',
  '*|LIST:ADDRESS|*',
  '*|LIST:DESCRIPTION|*',
  '*|HTML:LIST_ADDRESS_HTML|*',
  '*|REWARDS|*',
  '*|MC:SUBJECT|*',
  '*|MC_PREVIEW_TEXT|*',
  '*|CURRENT_YEAR|*',
  '*|DATE:d/m/Y|*',
  '*|FORWARD|*',
]);

export const MERGE_TAG = /\*\|([A-Z0-9_:/-]+)\|\*/g;

/** Replace merge tags with what makes sense on a web page nobody was emailed. */
export function toWebEquivalents(html: string, newsletter: Newsletter, pageUrl: string): string {
  const web: Record<string, string> = {
    ARCHIVE: pageUrl,
    UNSUB: newsletter.preferencesUrl,
    UPDATE_PROFILE: newsletter.preferencesUrl,
    ABOUT_LIST: newsletter.signUpUrl,
    EMAIL: 'you',
    'LIST:ADDRESSLINE': newsletter.postalAddress.join(' · '),
    'LIST:NAME': newsletter.name,
    'LIST:COMPANY': newsletter.organisation,
  };
  return html.replace(MERGE_TAG, (_, tag: string) => web[tag] ?? '');
}

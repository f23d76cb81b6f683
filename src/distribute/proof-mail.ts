// A proof as reviewers receive it: the approved-to-be content with merge tags filled with
// sample values, the subject marked, and the unsubscribe headers shaped as the real send's.
// Pure: a snapshot and the publication in, a message out.
import type { IssueSnapshot } from '../archive/snapshot.js';
import type { Newsletter } from '../content/schema.js';
import { MERGE_TAG } from '../render/merge-tags.js';
import type { OutgoingMail } from './transport.js';
import { escapeHtml } from '../render/html.js';

export const PROOF_PREFIX = '[PROOF]';

/** What Mailchimp would put in for one made-up subscriber. Unknown tags stay as written, so a reviewer sees them. */
export function sampleMergeValues(newsletter: Newsletter, issueId: string): Record<string, string> {
  return {
    FNAME: 'Sam',
    LNAME: 'Sample',
    EMAIL: 'sam.sample@example.org',
    ARCHIVE: newsletter.websiteUrl,
    UNSUB: newsletter.preferencesUrl,
    UPDATE_PROFILE: newsletter.preferencesUrl,
    ABOUT_LIST: newsletter.signUpUrl,
    FORWARD: newsletter.signUpUrl,
    'LIST:NAME': newsletter.name,
    'LIST:COMPANY': newsletter.organisation,
    'LIST:DESCRIPTION': newsletter.name,
    'LIST:ADDRESS': newsletter.postalAddress.join(', '),
    'LIST:ADDRESSLINE': newsletter.postalAddress.join(', '),
    'HTML:LIST_ADDRESS_HTML': newsletter.postalAddress.join('<br>'),
    'MC:SUBJECT': `${newsletter.name} ${issueId}`,
    CURRENT_YEAR: issueId.slice(0, 4),
    REWARDS: '',
  };
}

export function fillMergeTags(source: string, values: Record<string, string>, escape: boolean): string {
  return source.replace(MERGE_TAG, (tag, name: string) => {
    const value = values[name];
    if (value === undefined) return tag;
    return escape && name !== 'HTML:LIST_ADDRESS_HTML' ? escapeHtml(value) : value;
  });
}

/**
 * The List-Unsubscribe headers Mailchimp adds to a campaign: an https address that takes a
 * one-click POST (RFC 8058) and a mailto. A proof points both at the publication's own
 * preferences page and mailbox, so a reviewer's click unsubscribes nobody.
 */
export function listUnsubscribeHeaders(newsletter: Newsletter): Record<string, string> {
  return {
    'List-Unsubscribe': `<${newsletter.preferencesUrl}>, <mailto:${newsletter.sender.email}?subject=unsubscribe>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export function proofMail(snapshot: IssueSnapshot, newsletter: Newsletter, to: string[]): OutgoingMail {
  const values = {
    ...sampleMergeValues(newsletter, snapshot.issueId),
    'MC:SUBJECT': snapshot.subject,
    MC_PREVIEW_TEXT: snapshot.preheader,
  };
  return {
    from: { name: snapshot.fromName, address: snapshot.fromEmail },
    replyTo: snapshot.replyTo,
    to,
    subject: `${PROOF_PREFIX} ${snapshot.subject}`,
    html: fillMergeTags(snapshot.html, values, true),
    text: fillMergeTags(snapshot.text, values, false),
    headers: listUnsubscribeHeaders(newsletter),
  };
}

// Mailchimp's campaign statuses in plain words, for every sentence a person reads: the status
// command, the publish plan, the studio and the daemon's log. Mailchimp's own values ("save",
// "schedule") are for machines (--json, the audit log's details) and never appear in a sentence.
import type { CampaignStatus } from './schemas.js';

const WORDS: Record<CampaignStatus, string> = {
  save: 'a draft in Mailchimp, not scheduled',
  paused: 'paused in Mailchimp',
  schedule: 'scheduled in Mailchimp',
  sending: 'being sent by Mailchimp',
  sent: 'sent by Mailchimp',
  canceled: 'cancelled in Mailchimp',
  canceling: 'being cancelled in Mailchimp',
  archived: 'archived in Mailchimp',
};

/**
 * What follows "the campaign is": "scheduled in Mailchimp for 5 April 2022 at 9am (BST)",
 * "a draft in Mailchimp, not scheduled". `when` is the send time as a person reads it, if known.
 */
export function campaignStatusWords(status: CampaignStatus | string, when?: string): string {
  const words = WORDS[status as CampaignStatus] ?? `"${status}" in Mailchimp`;
  if (!when) return words;
  if (status === 'schedule') return `${words} for ${when}`;
  if (status === 'sent' || status === 'sending') return `${words} on ${when}`;
  return words;
}

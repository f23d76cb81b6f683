// One reading of Mailchimp's report on a sent issue: what it said, when, and in which slot of
// the reading schedule. Aggregates only — counts, rates, links and email domains; never a person.
// The state store keeps readings whole (state/reports.ts); everything else is worked out from them.
import type { CampaignReport, DomainFigures, LinkClicks, Tracking } from '../mailchimp/index.js';

/** About an hour, a day and a week after the send; `asked` is `newsletter report --refresh`. */
export const READING_SLOTS = ['hour', 'day', 'week', 'asked'] as const;
export type ReadingSlot = (typeof READING_SLOTS)[number];

export interface ReportReading {
  issueId: string;
  campaignId: string;
  slot: ReadingSlot;
  /** When Mailchimp was read (ISO 8601, UTC). */
  readAt: string;
  /** What the campaign tracked, as Mailchimp holds it: with opens off, its open figures mean nothing. */
  tracking: Tracking;
  report: CampaignReport;
  links: LinkClicks[];
  domains: DomainFigures[];
}

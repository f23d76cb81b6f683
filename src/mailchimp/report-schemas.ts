// Mailchimp's campaign reports, aggregates only: the report itself, clicks per link and
// performance per email domain. Checked with zod and turned into the newsletter's own words.
// Only the fields listed here are asked for (Mailchimp's `fields` parameter), so nothing about a
// single subscriber can come back: the per-person endpoints (email activity, who clicked, who
// unsubscribed, sent-to) are never called.
import { z } from 'zod';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);

/** The fields of GET /reports/{campaign_id} the tool reads. */
export const REPORT_FIELDS = [
  'id',
  'emails_sent',
  'abuse_reports',
  'unsubscribed',
  'send_time',
  'bounces.hard_bounces',
  'bounces.soft_bounces',
  'opens.unique_opens',
  'opens.open_rate',
  'clicks.unique_subscriber_clicks',
  'clicks.clicks_total',
  'clicks.click_rate',
];

export const reportSchema = z.object({
  id: z.string().min(1),
  emails_sent: count,
  abuse_reports: count,
  unsubscribed: count,
  send_time: z.string().default(''),
  bounces: z.object({ hard_bounces: count, soft_bounces: count }),
  opens: z.object({ unique_opens: count, open_rate: rate }),
  clicks: z.object({ unique_subscriber_clicks: count, clicks_total: count, click_rate: rate }),
});

export const CLICK_FIELDS = ['total_items', 'urls_clicked.url', 'urls_clicked.total_clicks', 'urls_clicked.unique_clicks'];

export const clickPageSchema = z.object({
  total_items: count,
  urls_clicked: z.array(z.object({ url: z.string(), total_clicks: count, unique_clicks: count })),
});

export const DOMAIN_FIELDS = [
  'domains.domain',
  'domains.emails_sent',
  'domains.delivered',
  'domains.bounces',
  'domains.opens',
  'domains.clicks',
  'domains.unsubs',
];

export const domainSchema = z.object({
  domains: z
    .array(
      z.object({
        // A domain such as "gmail.com": never an address.
        domain: z.string().refine((d) => !d.includes('@'), { error: 'is an address, not a domain' }),
        emails_sent: count,
        delivered: count,
        bounces: count,
        opens: count,
        clicks: count,
        unsubs: count,
      }),
    )
    .default([]),
});

/** What Mailchimp says about a sent campaign, as a whole. */
export interface CampaignReport {
  campaignId: string;
  emailsSent: number;
  bounces: { hard: number; soft: number };
  unsubscribes: number;
  abuseReports: number;
  /** Unique opens and the open rate (0–1). */
  opens: { unique: number; rate: number };
  /** People who clicked at least once, all clicks, and the click rate (0–1). */
  clicks: { unique: number; total: number; rate: number };
}

export interface LinkClicks {
  url: string;
  totalClicks: number;
  uniqueClicks: number;
}

export interface DomainFigures {
  domain: string;
  emailsSent: number;
  delivered: number;
  bounces: number;
  opens: number;
  clicks: number;
  unsubscribes: number;
}

export function toReport(raw: z.infer<typeof reportSchema>): CampaignReport {
  return {
    campaignId: raw.id,
    emailsSent: raw.emails_sent,
    bounces: { hard: raw.bounces.hard_bounces, soft: raw.bounces.soft_bounces },
    unsubscribes: raw.unsubscribed,
    abuseReports: raw.abuse_reports,
    opens: { unique: raw.opens.unique_opens, rate: raw.opens.open_rate },
    clicks: { unique: raw.clicks.unique_subscriber_clicks, total: raw.clicks.clicks_total, rate: raw.clicks.click_rate },
  };
}

export function toDomains(raw: z.infer<typeof domainSchema>): DomainFigures[] {
  return raw.domains.map((d) => ({
    domain: d.domain,
    emailsSent: d.emails_sent,
    delivered: d.delivered,
    bounces: d.bounces,
    opens: d.opens,
    clicks: d.clicks,
    unsubscribes: d.unsubs,
  }));
}

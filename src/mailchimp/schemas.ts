// The few Mailchimp answers the tool reads, checked with zod and turned into the newsletter's own
// words (camelCase, no SDK shapes beyond this folder). Only the fields listed in CAMPAIGN_FIELDS
// are asked for, so Mailchimp sends less and these schemas describe exactly what comes back.
import { z } from 'zod';

export const CAMPAIGN_STATUSES = ['save', 'paused', 'schedule', 'sending', 'sent', 'canceled', 'canceling', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A campaign sending or sent has gone (or is going) to subscribers: nothing may change or send
 * it again. An issue's own status uses the same two words for the same moments, so this answers
 * for both.
 */
export function goingOrGone(status: string): status is 'sending' | 'sent' {
  return status === 'sending' || status === 'sent';
}

/** The fields requested with every campaign read (Mailchimp's `fields` parameter). */
export const CAMPAIGN_FIELDS = [
  'id',
  'web_id',
  'status',
  'emails_sent',
  'send_time',
  'create_time',
  'recipients.list_id',
  'settings.title',
  'settings.subject_line',
  'settings.preview_text',
  'settings.from_name',
  'settings.reply_to',
  'tracking.opens',
  'tracking.html_clicks',
  'tracking.text_clicks',
];

const text = z.string().default('');

export const campaignSchema = z.object({
  id: z.string().min(1),
  web_id: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES),
  emails_sent: z.number().int().default(0),
  // Mailchimp sends "" until the campaign is scheduled or sent.
  send_time: text,
  create_time: text,
  recipients: z.object({ list_id: text }).default({ list_id: '' }),
  settings: z
    .object({ title: text, subject_line: text, preview_text: text, from_name: text, reply_to: text })
    .default({ title: '', subject_line: '', preview_text: '', from_name: '', reply_to: '' }),
  // Mailchimp tracks all three unless told otherwise.
  tracking: z
    .object({ opens: z.boolean().default(true), html_clicks: z.boolean().default(true), text_clicks: z.boolean().default(true) })
    .default({ opens: true, html_clicks: true, text_clicks: true }),
});

export const campaignPageSchema = z.object({
  campaigns: z.array(campaignSchema),
  total_items: z.number().int(),
});

export const contentSchema = z.object({ html: text, plain_text: text });

export const checklistSchema = z.object({
  is_ready: z.boolean(),
  items: z
    .array(z.object({ type: z.enum(['success', 'warning', 'error']), id: z.number().int().optional(), heading: text, details: text }))
    .default([]),
});

export const pingSchema = z.object({ health_status: z.string() });

export const audienceSchema = z.object({ id: z.string(), name: text, stats: z.object({ member_count: z.number().int().nonnegative() }) });

/** The audience (Mailchimp's "list") a campaign goes to, as the publish plan names it. */
export interface Audience {
  id: string;
  name: string;
  /** Subscribed members, as Mailchimp counts them. */
  memberCount: number;
}

/** What a new campaign is made with. */
export interface CampaignDraft {
  /** The audience (list) it goes to. */
  audienceId: string;
  title: string;
  subject: string;
  previewText: string;
  fromName: string;
  replyTo: string;
  /** What Mailchimp tracks (Mailchimp's default, everything, when left out). */
  tracking?: Tracking;
}

/** Whether Mailchimp counts opens (a tracking pixel) and clicks (links rewritten through Mailchimp). */
export interface Tracking {
  opens: boolean;
  htmlClicks: boolean;
  textClicks: boolean;
}

/** A campaign as the tool sees it: what it was made with, and what Mailchimp has done with it. */
export interface Campaign extends CampaignDraft {
  id: string;
  webId: number;
  status: CampaignStatus;
  /** When it is scheduled or was sent (ISO 8601, UTC), or null. */
  sendTime: string | null;
  emailsSent: number;
  createTime: string;
}

export interface CampaignContent {
  html: string;
  plainText: string;
}

export interface SendChecklist {
  isReady: boolean;
  items: { type: 'success' | 'warning' | 'error'; heading: string; details: string }[];
}

export function toCampaign(raw: z.infer<typeof campaignSchema>): Campaign {
  return {
    id: raw.id,
    webId: raw.web_id,
    status: raw.status,
    audienceId: raw.recipients.list_id,
    title: raw.settings.title,
    subject: raw.settings.subject_line,
    previewText: raw.settings.preview_text,
    fromName: raw.settings.from_name,
    replyTo: raw.settings.reply_to,
    tracking: { opens: raw.tracking.opens, htmlClicks: raw.tracking.html_clicks, textClicks: raw.tracking.text_clicks },
    sendTime: raw.send_time ? raw.send_time : null,
    emailsSent: raw.emails_sent,
    createTime: raw.create_time,
  };
}

/** A File Manager upload's answer: its id and public address. The address goes into HTML, so it must be a plain https URL. */
export const uploadedFileSchema = z.object({
  id: z.number().int(),
  full_size_url: z.string().regex(/^https:\/\/[^\s"'<>\\]+$/, { error: 'is not a plain https address' }),
});
export const folderSchema = z.object({ id: z.number().int() });

// The Mailchimp client as the rest of the tool sees it.
export { MailchimpClient, type MailchimpClientOptions, type SettingsUpdate } from './client.js';
export { mailchimpConfigFromEnv, serverOfKey, basePathFor, type MailchimpConfig } from './config.js';
export { MailchimpError, isOutcomeUncertain, type MailchimpFailure } from './errors.js';
export {
  CAMPAIGN_STATUSES,
  goingOrGone,
  type Audience,
  type Campaign,
  type CampaignContent,
  type CampaignDraft,
  type CampaignStatus,
  type SendChecklist,
  type Tracking,
} from './schemas.js';
export type { CampaignReport, DomainFigures, LinkClicks } from './report-schemas.js';
export { DEFAULT_RETRY, type RetryPolicy, type Timing } from './retry.js';

// The typed Mailchimp client: the only door to Mailchimp for the rest of the tool. Every call goes
// through one path that limits concurrency, retries what is safe to repeat, turns SDK failures
// into MailchimpError and checks the answer with zod.
//
// Safe to repeat (retried on 429, 5xx and network failures): reads, the settings PATCH and the
// content PUT — sending them twice leaves the same campaign. Never repeated here: create,
// schedule, unschedule, send and test emails. When one of those fails with an uncertain outcome
// (isOutcomeUncertain), the caller reads the campaign back before deciding to try again.
import type { z } from 'zod';
import type { MailchimpConfig } from './config.js';
import { MailchimpError, mailchimpErrorFrom } from './errors.js';
import { DEFAULT_RETRY, realTiming, Semaphore, withRetries, type RetryPolicy, type Timing } from './retry.js';
import {
  CAMPAIGN_FIELDS,
  campaignPageSchema,
  campaignSchema,
  checklistSchema,
  contentSchema,
  folderSchema,
  uploadedFileSchema,
  audienceSchema,
  pingSchema,
  toCampaign,
  type Campaign,
  type CampaignContent,
  type Audience,
  type CampaignDraft,
  type SendChecklist,
  type Tracking,
} from './schemas.js';
import {
  CLICK_FIELDS,
  clickPageSchema,
  DOMAIN_FIELDS,
  domainSchema,
  REPORT_FIELDS,
  reportSchema,
  toDomains,
  toReport,
  type CampaignReport,
  type DomainFigures,
  type LinkClicks,
} from './report-schemas.js';
import { createSdk, type Sdk } from './sdk.js';

export interface MailchimpClientOptions {
  apiKey: string;
  /** The API root, e.g. https://us21.api.mailchimp.com/3.0 (see config.ts). */
  basePath: string;
  /** The newsletter's audience: findCampaignsByTitle looks only there. */
  audienceId: string;
  /** Deadline for one request (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Requests in flight at once (default 4; Mailchimp allows 10). */
  maxConcurrent?: number;
  timing?: Timing;
  /** Told about each retry, in words without the key. */
  log?: (line: string) => void;
}

/**
 * A settings update. Mailchimp requires subject, from name and reply-to in every update (the
 * published spec says so), so they are always sent; title and preview text only when given.
 */
export interface SettingsUpdate {
  subject: string;
  fromName: string;
  replyTo: string;
  title?: string;
  previewText?: string;
  tracking?: Tracking;
}

type Repeat = 'safe' | 'once';

const PAGE_SIZE = 100;

export class MailchimpClient {
  readonly audienceId: string;
  private readonly sdk: Sdk;
  private readonly apiKey: string;
  private readonly limit: Semaphore;
  private readonly policy: RetryPolicy;
  private readonly timing: Timing;
  private readonly log?: (line: string) => void;

  constructor(options: MailchimpClientOptions) {
    this.apiKey = options.apiKey;
    this.audienceId = options.audienceId;
    this.sdk = createSdk({ apiKey: options.apiKey, basePath: options.basePath, timeoutMs: options.timeoutMs ?? 30_000 });
    this.limit = new Semaphore(Math.min(10, Math.max(1, options.maxConcurrent ?? 4)));
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.timing = options.timing ?? realTiming;
    this.log = options.log;
  }

  static fromConfig(
    config: MailchimpConfig,
    options: Omit<MailchimpClientOptions, 'apiKey' | 'basePath' | 'audienceId'> = {},
  ): MailchimpClient {
    return new MailchimpClient({ ...options, apiKey: config.apiKey, basePath: config.basePath, audienceId: config.audienceId });
  }

  /** Mailchimp's health check; proves the key and the base path work. */
  async ping(): Promise<{ healthStatus: string }> {
    const raw = await this.call('reach Mailchimp (ping)', 'safe', (sdk) => sdk.ping.get(), pingSchema);
    return { healthStatus: raw.health_status };
  }

  /** The newsletter's audience: its name and how many members are subscribed. */
  async getAudience(id: string = this.audienceId): Promise<Audience> {
    const raw = await this.call(
      `read audience ${id}`,
      'safe',
      (sdk) => sdk.lists.getList(id, { fields: ['id', 'name', 'stats.member_count'] }),
      audienceSchema,
    );
    return { id: raw.id, name: raw.name, memberCount: raw.stats.member_count };
  }

  /** Throws MailchimpError with failure 'not-found' when there is no such campaign. */
  async getCampaign(id: string): Promise<Campaign> {
    return toCampaign(
      await this.call(`read campaign ${id}`, 'safe', (sdk) => sdk.campaigns.get(id, { fields: CAMPAIGN_FIELDS }), campaignSchema),
    );
  }

  /** Campaigns of the audience whose settings.title is exactly `title`, oldest first (Mailchimp cannot filter by title, so every page is read). */
  async findCampaignsByTitle(title: string, audienceId: string = this.audienceId): Promise<Campaign[]> {
    const found: Campaign[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.call(
        `list the campaigns of audience ${audienceId}`,
        'safe',
        (sdk) =>
          sdk.campaigns.list({
            fields: ['total_items', ...CAMPAIGN_FIELDS.map((f) => `campaigns.${f}`)],
            list_id: audienceId,
            count: PAGE_SIZE,
            offset,
            sort_field: 'create_time',
            sort_dir: 'ASC',
          }),
        campaignPageSchema,
      );
      for (const c of page.campaigns) if (c.settings.title === title) found.push(toCampaign(c));
      if (page.campaigns.length === 0 || offset + PAGE_SIZE >= page.total_items) return found;
    }
  }

  /** Never repeated: on an uncertain failure, look for the campaign by title before creating again. */
  async createCampaign(draft: CampaignDraft): Promise<Campaign> {
    const body = {
      type: 'regular',
      recipients: { list_id: draft.audienceId },
      settings: {
        title: draft.title,
        subject_line: draft.subject,
        preview_text: draft.previewText,
        from_name: draft.fromName,
        reply_to: draft.replyTo,
      },
      ...(draft.tracking ? { tracking: trackingBody(draft.tracking) } : {}),
    };
    return toCampaign(await this.call(`create campaign "${draft.title}"`, 'once', (sdk) => sdk.campaigns.create(body), campaignSchema));
  }

  async updateSettings(id: string, update: SettingsUpdate): Promise<Campaign> {
    const settings: Record<string, string> = { subject_line: update.subject, from_name: update.fromName, reply_to: update.replyTo };
    if (update.title !== undefined) settings.title = update.title;
    if (update.previewText !== undefined) settings.preview_text = update.previewText;
    const body = { settings, ...(update.tracking ? { tracking: trackingBody(update.tracking) } : {}) };
    return toCampaign(
      await this.call(`update the settings of campaign ${id}`, 'safe', (sdk) => sdk.campaigns.update(id, body), campaignSchema),
    );
  }

  async getContent(id: string): Promise<CampaignContent> {
    const raw = await this.call(
      `read the content of campaign ${id}`,
      'safe',
      (sdk) => sdk.campaigns.getContent(id, { fields: ['html', 'plain_text'] }),
      contentSchema,
    );
    return { html: raw.html, plainText: raw.plain_text };
  }

  async setContent(id: string, content: CampaignContent): Promise<void> {
    await this.call(`set the content of campaign ${id}`, 'safe', (sdk) =>
      sdk.campaigns.setContent(id, { html: content.html, plain_text: content.plainText }),
    );
  }

  async getSendChecklist(id: string): Promise<SendChecklist> {
    const raw = await this.call(
      `read the send checklist of campaign ${id}`,
      'safe',
      (sdk) => sdk.campaigns.getSendChecklist(id),
      checklistSchema,
    );
    return { isReady: raw.is_ready, items: raw.items.map(({ type, heading, details }) => ({ type, heading, details })) };
  }

  /** Schedule for `at` (a UTC instant on the quarter-hour). Never repeated: read the campaign back after an uncertain failure. */
  async schedule(id: string, at: Date): Promise<void> {
    const scheduleTime = at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
    await this.call(`schedule campaign ${id} for ${scheduleTime}`, 'once', (sdk) =>
      sdk.campaigns.schedule(id, { schedule_time: scheduleTime }),
    );
  }

  async unschedule(id: string): Promise<void> {
    await this.call(`unschedule campaign ${id}`, 'once', (sdk) => sdk.campaigns.unschedule(id));
  }

  /** Send now. Never repeated. */
  async send(id: string): Promise<void> {
    await this.call(`send campaign ${id}`, 'once', (sdk) => sdk.campaigns.send(id));
  }

  /** Mailchimp's test email to these addresses. Never repeated (each attempt would mail them again). */
  async sendTest(id: string, emails: string[], sendType: 'html' | 'plaintext' = 'html'): Promise<void> {
    await this.call(`send a test email of campaign ${id}`, 'once', (sdk) =>
      sdk.campaigns.sendTestEmail(id, { test_emails: emails, send_type: sendType }),
    );
  }

  /** The report of a sent campaign, aggregates only. Mailchimp answers 404 (failure 'not-found') until it has one. */
  async getReport(id: string): Promise<CampaignReport> {
    return toReport(
      await this.call(
        `read the report of campaign ${id}`,
        'safe',
        (sdk) => sdk.reports.getCampaignReport(id, { fields: REPORT_FIELDS }),
        reportSchema,
      ),
    );
  }

  /** Clicks per link (every page of them): how many clicks and how many people, never who. */
  async getLinkClicks(id: string): Promise<LinkClicks[]> {
    const links: LinkClicks[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.call(
        `read the clicks per link of campaign ${id}`,
        'safe',
        (sdk) => sdk.reports.getCampaignClickDetails(id, { fields: CLICK_FIELDS, count: PAGE_SIZE, offset }),
        clickPageSchema,
      );
      for (const u of page.urls_clicked) links.push({ url: u.url, totalClicks: u.total_clicks, uniqueClicks: u.unique_clicks });
      if (page.urls_clicked.length === 0 || offset + PAGE_SIZE >= page.total_items) return links;
    }
  }

  /** Sends, deliveries, opens and clicks per email domain (gmail.com, nhs.net …). */
  async getDomainPerformance(id: string): Promise<DomainFigures[]> {
    return toDomains(
      await this.call(
        `read the domain performance of campaign ${id}`,
        'safe',
        (sdk) => sdk.reports.getDomainPerformanceForCampaign(id, { fields: DOMAIN_FIELDS }),
        domainSchema,
      ),
    );
  }

  /** A folder in the File Manager; never repeated (a second call would make a second folder). */
  async createFolder(name: string): Promise<number> {
    return (
      await this.call(`create the File Manager folder "${name}"`, 'once', (sdk) => sdk.fileManager.createFolder({ name }), folderSchema)
    ).id;
  }

  /** Upload a file (base64) into a folder; never repeated: the store keeps what was uploaded, so a re-run asks only for the rest. */
  async uploadFile(file: { name: string; folderId?: number; bytes: Uint8Array }): Promise<{ id: number; url: string }> {
    const body = {
      name: file.name,
      file_data: Buffer.from(file.bytes).toString('base64'),
      ...(file.folderId === undefined ? {} : { folder_id: file.folderId }),
    };
    const raw = await this.call(
      `upload ${file.name} to the File Manager`,
      'once',
      (sdk) => sdk.fileManager.upload(body),
      uploadedFileSchema,
    );
    return { id: raw.id, url: raw.full_size_url };
  }

  private call(operation: string, repeat: Repeat, run: (sdk: Sdk) => Promise<unknown>): Promise<unknown>;
  private call<S extends z.ZodType>(operation: string, repeat: Repeat, run: (sdk: Sdk) => Promise<unknown>, schema: S): Promise<z.infer<S>>;
  private async call(operation: string, repeat: Repeat, run: (sdk: Sdk) => Promise<unknown>, schema?: z.ZodType): Promise<unknown> {
    const attempt = () =>
      this.limit.run(async () => {
        try {
          return await run(this.sdk);
        } catch (raw) {
          throw mailchimpErrorFrom(raw, operation, this.apiKey);
        }
      });
    const retryable = (e: unknown) => repeat === 'safe' && e instanceof MailchimpError && e.transient;
    const answer = await withRetries(attempt, retryable, this.policy, this.timing, (e, n, delay) =>
      this.log?.(`${e instanceof Error ? e.message : String(e)}; trying again in ${delay} ms (retry ${n})`),
    );
    if (!schema) return answer;
    const parsed = schema.safeParse(answer);
    if (parsed.success) return parsed.data;
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`).join('; ');
    throw new MailchimpError('unexpected-answer', operation, 'Unexpected answer', where);
  }
}

function trackingBody(t: Tracking): { opens: boolean; html_clicks: boolean; text_clicks: boolean } {
  return { opens: t.opens, html_clicks: t.htmlClicks, text_clicks: t.textClicks };
}

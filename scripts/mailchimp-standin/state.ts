// The stand-in's memory of one Mailchimp account, and the rules Mailchimp enforces that its
// published spec cannot say: which status may follow which, what the send checklist demands,
// quarter-hour schedule times, test-email caps, and the settings every update must carry.
// Pure apart from the clock and id source passed in; the HTTP layer lives in server.ts.
import { randomBytes } from 'node:crypto';

export type Status = 'save' | 'paused' | 'schedule' | 'sending' | 'sent' | 'canceled' | 'canceling' | 'archived';

export interface Settings {
  title: string;
  subject_line: string;
  preview_text: string;
  from_name: string;
  reply_to: string;
  to_name: string;
}

export interface StoredCampaign {
  id: string;
  web_id: number;
  type: 'regular';
  create_time: string;
  status: Status;
  emails_sent: number;
  send_time: string;
  content_type: 'template';
  recipients: { list_id: string; list_name: string; list_is_active: boolean; recipient_count: number };
  settings: Settings;
  tracking: Tracking;
  content: { html: string; plain_text: string };
  testsSent: number;
}

export interface Tracking {
  opens: boolean;
  html_clicks: boolean;
  text_clicks: boolean;
}

export interface Audience {
  id: string;
  name: string;
  memberCount: number;
}

/** A refusal in Mailchimp's words: the HTTP layer turns it into a problem document. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(`${title}: ${detail}`);
  }
}

/** Which status may follow which (actions and the account's own progress). */
export const TRANSITIONS: Record<Status, Status[]> = {
  save: ['schedule', 'sending'],
  paused: ['schedule', 'sending'],
  schedule: ['save', 'sending'],
  sending: ['sent', 'canceling'],
  canceling: ['canceled'],
  sent: ['archived'],
  canceled: ['archived'],
  archived: [],
};

const EDITABLE: Status[] = ['save', 'paused'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AccountOptions {
  audience: Audience;
  now: () => Date;
  /** False for an account on the Free plan, which Mailchimp does not let schedule. */
  canSchedule: boolean;
  /** Test-email caps: addresses in one request, and test emails per campaign. */
  testLimits: { perRequest: number; perCampaign: number };
}

export class Account {
  readonly campaigns = new Map<string, StoredCampaign>();
  private nextWebId = 1001;

  constructor(readonly options: AccountOptions) {}

  campaign(id: string): StoredCampaign {
    const c = this.campaigns.get(id);
    if (!c) throw new Refusal(404, 'Resource Not Found', 'The requested resource could not be found.');
    return c;
  }

  create(body: {
    type: string;
    recipients?: { list_id: string };
    settings?: Partial<Settings>;
    tracking?: Partial<Tracking>;
  }): StoredCampaign {
    if (body.type !== 'regular')
      throw new Refusal(400, 'Invalid Resource', `The stand-in keeps regular campaigns only, not "${body.type}".`);
    const listId = body.recipients?.list_id ?? '';
    this.checkAudience(listId);
    this.checkReplyTo(body.settings?.reply_to);
    // Hex ids never contain the word "server", which the SDK would rewrite in a URL.
    let id = randomBytes(5).toString('hex');
    while (this.campaigns.has(id)) id = randomBytes(5).toString('hex');
    const campaign: StoredCampaign = {
      id,
      web_id: this.nextWebId++,
      type: 'regular',
      create_time: iso(this.options.now()),
      status: 'save',
      emails_sent: 0,
      send_time: '',
      content_type: 'template',
      recipients: {
        list_id: listId,
        list_name: this.options.audience.name,
        list_is_active: true,
        recipient_count: this.options.audience.memberCount,
      },
      settings: { title: '', subject_line: '', preview_text: '', from_name: '', reply_to: '', to_name: '', ...body.settings },
      // Mailchimp tracks opens and clicks unless told not to.
      tracking: { opens: true, html_clicks: true, text_clicks: true, ...body.tracking },
      content: { html: '', plain_text: '' },
      testsSent: 0,
    };
    this.campaigns.set(id, campaign);
    return campaign;
  }

  update(
    id: string,
    body: { settings: Partial<Settings>; recipients?: { list_id: string }; tracking?: Partial<Tracking> },
  ): StoredCampaign {
    const c = this.editable(id);
    const missing = (['subject_line', 'from_name', 'reply_to'] as const).filter((f) => !body.settings[f]?.trim());
    if (missing.length > 0)
      throw new Refusal(
        400,
        'Invalid Resource',
        "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
        missing.map((f) => ({ field: `settings.${f}`, message: 'This value should not be blank.' })),
      );
    this.checkReplyTo(body.settings.reply_to);
    if (body.recipients) this.checkAudience(body.recipients.list_id);
    c.settings = { ...c.settings, ...body.settings };
    if (body.tracking) c.tracking = { ...c.tracking, ...body.tracking };
    return c;
  }

  setContent(id: string, body: { html?: string; plain_text?: string }): StoredCampaign {
    const c = this.editable(id);
    if (body.html === undefined && body.plain_text === undefined)
      throw new Refusal(400, 'Invalid Resource', 'Give html or plain_text (the stand-in keeps no templates or URLs).');
    if (body.html !== undefined) c.content.html = body.html;
    // Mailchimp makes the plain text from the HTML when none is given.
    c.content.plain_text =
      body.plain_text ??
      c.content.html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return c;
  }

  checklist(id: string): { is_ready: boolean; items: { type: 'success' | 'error'; id: number; heading: string; details: string }[] } {
    const c = this.campaign(id);
    const rules: [string, boolean, string][] = [
      ['Audience', c.recipients.list_id === this.options.audience.id, 'The campaign must go to an audience.'],
      ['Subject line', c.settings.subject_line.trim() !== '', 'Add a subject line.'],
      ['From name', c.settings.from_name.trim() !== '', 'Add a from name.'],
      ['Reply-to address', EMAIL.test(c.settings.reply_to), 'Add a valid reply-to address.'],
      ['Content', c.content.html.trim() !== '', 'The campaign has no content.'],
      ['Unsubscribe link', c.content.html.includes('*|UNSUB|*'), 'The content must include the *|UNSUB|* merge tag.'],
    ];
    const items = rules.map(([heading, ok, details], i) => ({
      type: ok ? ('success' as const) : ('error' as const),
      id: i + 1,
      heading,
      details: ok ? 'Looks good.' : details,
    }));
    return { is_ready: items.every((i) => i.type === 'success'), items };
  }

  schedule(id: string, scheduleTime: string): void {
    const c = this.campaign(id);
    if (!EDITABLE.includes(c.status)) throw new Refusal(400, 'Bad Request', `This campaign cannot be scheduled: it is ${c.status}.`);
    if (!this.options.canSchedule)
      throw new Refusal(
        403,
        'Forbidden',
        'Scheduling is not available on the Free plan. Upgrade your account to schedule campaigns, or send the campaign now.',
      );
    if (!this.checklist(id).is_ready)
      throw new Refusal(400, 'Bad Request', 'This campaign cannot be scheduled: the send checklist has errors.');
    const at = new Date(scheduleTime);
    if (at.getUTCMinutes() % 15 !== 0 || at.getUTCSeconds() !== 0 || at.getUTCMilliseconds() !== 0)
      throw new Refusal(400, 'Invalid Resource', 'Campaigns may only be scheduled to send on the quarter-hour (:00, :15, :30, :45).', [
        { field: 'schedule_time', message: 'Schedule time must be on the quarter-hour.' },
      ]);
    if (at.getTime() <= this.options.now().getTime())
      throw new Refusal(400, 'Invalid Resource', 'Schedule time must be in the future.', [
        { field: 'schedule_time', message: 'Must be in the future.' },
      ]);
    this.move(c, 'schedule');
    c.send_time = iso(at);
  }

  unschedule(id: string): void {
    const c = this.campaign(id);
    if (c.status !== 'schedule') throw new Refusal(400, 'Bad Request', `Cannot unschedule a campaign that is ${c.status}.`);
    this.move(c, 'save');
    c.send_time = '';
  }

  send(id: string): void {
    const c = this.campaign(id);
    if (!EDITABLE.includes(c.status)) throw new Refusal(400, 'Bad Request', `This campaign cannot be sent: it is ${c.status}.`);
    if (!this.checklist(id).is_ready)
      throw new Refusal(400, 'Bad Request', 'Your Campaign is not ready to send: the send checklist has errors.');
    this.move(c, 'sending');
    c.send_time = iso(this.options.now());
  }

  sendTest(id: string, emails: string[]): void {
    const c = this.campaign(id);
    const { perRequest, perCampaign } = this.options.testLimits;
    if (c.content.html.trim() === '') throw new Refusal(400, 'Bad Request', 'The campaign has no content to test.');
    const bad = emails.filter((e) => !EMAIL.test(e));
    if (emails.length === 0 || bad.length > 0)
      throw new Refusal(400, 'Invalid Resource', `Not valid test addresses: ${bad.join(', ') || '(none given)'}.`, [
        { field: 'test_emails', message: 'Give valid email addresses.' },
      ]);
    if (emails.length > perRequest) throw new Refusal(400, 'Bad Request', `Test emails go to at most ${perRequest} addresses at a time.`);
    if (c.testsSent + emails.length > perCampaign)
      throw new Refusal(400, 'Bad Request', `This campaign has reached its limit of ${perCampaign} test emails.`);
    c.testsSent += emails.length;
  }

  /** Mailchimp's own progress (the send time arriving, delivery finishing), on a test's demand. */
  advance(id: string, to: 'sending' | 'sent'): StoredCampaign {
    const c = this.campaign(id);
    if (to === 'sent' && c.status === 'schedule') this.move(c, 'sending');
    this.move(c, to);
    if (!c.send_time) c.send_time = iso(this.options.now());
    if (to === 'sent') c.emails_sent = c.recipients.recipient_count;
    return c;
  }

  private move(c: StoredCampaign, to: Status): void {
    if (!TRANSITIONS[c.status].includes(to)) throw new Refusal(400, 'Bad Request', `A campaign cannot go from ${c.status} to ${to}.`);
    c.status = to;
  }

  private editable(id: string): StoredCampaign {
    const c = this.campaign(id);
    if (!EDITABLE.includes(c.status)) throw new Refusal(400, 'Bad Request', `This campaign cannot be changed: it is ${c.status}.`);
    return c;
  }

  private checkAudience(listId: string): void {
    if (listId !== this.options.audience.id)
      throw new Refusal(
        400,
        'Invalid Resource',
        "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
        [{ field: 'recipients.list_id', message: `No audience with id "${listId}".` }],
      );
  }

  private checkReplyTo(replyTo: string | undefined): void {
    if (replyTo && !EMAIL.test(replyTo))
      throw new Refusal(
        400,
        'Invalid Resource',
        "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
        [{ field: 'settings.reply_to', message: 'This value should be a valid email address.' }],
      );
  }
}

/** Mailchimp writes times as 2030-01-01T09:00:00+00:00. */
export function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The public face of a campaign, as GET /campaigns/{id} shows it. */
export function publicCampaign(c: StoredCampaign): Record<string, unknown> {
  const rest: Partial<StoredCampaign> = { ...c };
  delete rest.content;
  delete rest.testsSent;
  return { ...rest, _links: [] };
}

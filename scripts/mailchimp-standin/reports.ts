// The stand-in's campaign reports: the three aggregate endpoints the tool reads (the report,
// clicks per link, domain performance), with figures a test sets through
// POST /__standin/campaigns/<id>/report. Until figures are set for a sent campaign, Mailchimp's
// answer is 404, as it is for a while after a real send ("not ready yet"). Every answer has the
// published spec's shape; the per-person reports are not served at all.
import { createHash } from 'node:crypto';
import type { Context } from 'openapi-backend';
import { problem, wrap, type Reply } from './problem.js';
import { iso, Refusal, type Account, type StoredCampaign } from './state.js';

/** What a test may set, in Mailchimp's own names; anything left out is 0 (rates are worked out). */
export interface ReportFigures {
  emails_sent?: number;
  abuse_reports?: number;
  unsubscribed?: number;
  bounces?: { hard_bounces?: number; soft_bounces?: number };
  opens?: { unique_opens?: number; opens_total?: number; open_rate?: number };
  clicks?: { unique_subscriber_clicks?: number; clicks_total?: number; click_rate?: number };
  urls_clicked?: { url: string; total_clicks?: number; unique_clicks?: number }[];
  domains?: {
    domain: string;
    emails_sent?: number;
    delivered?: number;
    bounces?: number;
    opens?: number;
    clicks?: number;
    unsubs?: number;
  }[];
}

type Body = Record<string, unknown>;

export class Reports {
  private readonly figures = new Map<string, ReportFigures>();

  constructor(private readonly account: Account) {}

  /** Set (or replace) the figures of a campaign; the report is then "ready". */
  set(campaignId: string, figures: ReportFigures): void {
    this.account.campaign(campaignId);
    this.figures.set(campaignId, figures);
  }

  clear(): void {
    this.figures.clear();
  }

  /** The campaign and its figures, or Mailchimp's 404 while it has no report. */
  private ready(id: string): { c: StoredCampaign; f: ReportFigures } {
    const c = this.account.campaign(id);
    const f = this.figures.get(id);
    if (!f || !['sending', 'sent'].includes(c.status))
      throw new Refusal(404, 'Resource Not Found', 'The requested resource could not be found.');
    return { c, f };
  }

  report(id: string): Body {
    const { c, f } = this.ready(id);
    const sent = f.emails_sent ?? c.emails_sent;
    const hard = f.bounces?.hard_bounces ?? 0;
    const soft = f.bounces?.soft_bounces ?? 0;
    const delivered = Math.max(0, sent - hard - soft);
    const uniqueOpens = f.opens?.unique_opens ?? 0;
    const uniqueClicks = f.clicks?.unique_subscriber_clicks ?? 0;
    const clicksTotal = f.clicks?.clicks_total ?? (f.urls_clicked ?? []).reduce((n, u) => n + (u.total_clicks ?? 0), 0);
    return {
      id: c.id,
      campaign_title: c.settings.title,
      type: 'regular',
      list_id: c.recipients.list_id,
      list_is_active: true,
      list_name: c.recipients.list_name,
      subject_line: c.settings.subject_line,
      preview_text: c.settings.preview_text,
      emails_sent: sent,
      abuse_reports: f.abuse_reports ?? 0,
      unsubscribed: f.unsubscribed ?? 0,
      send_time: c.send_time || iso(this.account.options.now()),
      bounces: { hard_bounces: hard, soft_bounces: soft, syntax_errors: 0 },
      forwards: { forwards_count: 0, forwards_opens: 0 },
      opens: {
        opens_total: f.opens?.opens_total ?? uniqueOpens,
        unique_opens: uniqueOpens,
        open_rate: f.opens?.open_rate ?? ratio(uniqueOpens, delivered),
        ...(uniqueOpens > 0 ? { last_open: iso(this.account.options.now()) } : {}),
      },
      clicks: {
        clicks_total: clicksTotal,
        unique_clicks: uniqueClicks,
        unique_subscriber_clicks: uniqueClicks,
        click_rate: f.clicks?.click_rate ?? ratio(uniqueClicks, delivered),
        ...(uniqueClicks > 0 ? { last_click: iso(this.account.options.now()) } : {}),
      },
      list_stats: { sub_rate: 0, unsub_rate: 0, open_rate: 0, click_rate: 0 },
      timeseries: [],
      _links: [],
    };
  }

  clickDetails(id: string, query: Record<string, string>): Body {
    const { c, f } = this.ready(id);
    const all = (f.urls_clicked ?? []).map((u) => {
      const total = u.total_clicks ?? 0;
      const unique = u.unique_clicks ?? 0;
      const allClicks = (f.urls_clicked ?? []).reduce((n, x) => n + (x.total_clicks ?? 0), 0);
      const allUnique = (f.urls_clicked ?? []).reduce((n, x) => n + (x.unique_clicks ?? 0), 0);
      return {
        id: createHash('sha1').update(u.url).digest('hex').slice(0, 10),
        url: u.url,
        total_clicks: total,
        click_percentage: ratio(total, allClicks),
        unique_clicks: unique,
        unique_click_percentage: ratio(unique, allUnique),
        ...(total > 0 ? { last_click: iso(this.account.options.now()) } : {}),
        campaign_id: c.id,
        _links: [],
      };
    });
    const offset = Number(query.offset ?? 0);
    const count = Number(query.count ?? 10);
    return { urls_clicked: all.slice(offset, offset + count), campaign_id: c.id, total_items: all.length, _links: [] };
  }

  domainPerformance(id: string): Body {
    const { c, f } = this.ready(id);
    const domains = f.domains ?? [];
    const total = domains.reduce((n, d) => n + (d.emails_sent ?? 0), 0);
    return {
      domains: domains.map((d) => {
        const sent = d.emails_sent ?? 0;
        return {
          domain: d.domain,
          emails_sent: sent,
          bounces: d.bounces ?? 0,
          opens: d.opens ?? 0,
          clicks: d.clicks ?? 0,
          unsubs: d.unsubs ?? 0,
          delivered: d.delivered ?? sent - (d.bounces ?? 0),
          emails_pct: ratio(sent, total),
          bounces_pct: ratio(d.bounces ?? 0, sent),
          opens_pct: ratio(d.opens ?? 0, sent),
          clicks_pct: ratio(d.clicks ?? 0, sent),
          unsubs_pct: ratio(d.unsubs ?? 0, sent),
        };
      }),
      total_sent: total,
      campaign_id: c.id,
      total_items: domains.length,
      _links: [],
    };
  }
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}

/** The report operations, by the spec's operationId; `project` applies Mailchimp's `fields`. */
export function reportOperations(
  reports: Reports,
  project: (value: unknown, c: Context) => unknown,
): Record<string, (c: Context) => Reply> {
  const id = (c: Context) => String(c.request.params.campaign_id);
  return {
    getReportsId: (c) => wrap(() => ({ status: 200, body: project(reports.report(id(c)), c) })),
    getReportsIdClickDetails: (c) =>
      wrap(() => ({ status: 200, body: project(reports.clickDetails(id(c), c.request.query as Record<string, string>), c) })),
    getReportsIdDomainPerformance: (c) => wrap(() => ({ status: 200, body: project(reports.domainPerformance(id(c)), c) })),
  };
}

/** POST /__standin/campaigns/<id>/report: set the figures a test wants Mailchimp to report. */
export function reportControl(reports: Reports, path: string, method: string, body: unknown): Reply | undefined {
  const match = /^\/__standin\/campaigns\/([^/]+)\/report$/.exec(path);
  if (!match?.[1] || method !== 'POST') return undefined;
  if (typeof body !== 'object' || body === null) return problem(400, 'Invalid Resource', 'Give the figures as a JSON object.');
  return wrap(() => (reports.set(match[1]!, body as ReportFigures), { status: 204 }));
}

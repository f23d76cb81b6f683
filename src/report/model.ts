// The report on one sent issue, worked out from its readings: the latest figures, opens and
// clicks over the readings, clicks per link and per section, the caveats that go with them, and
// how the issue compares with the ones before it. Pure: readings and the email as sent go in.
import type { DomainFigures, Tracking } from '../mailchimp/index.js';
import { type SectionRef, sectionOfLink } from './links.js';
import type { ReadingSlot, ReportReading } from '../state/report-reading.js';
import { byCodePoint } from '../order.js';

export interface IssueFacts {
  issueId: string;
  subject: string;
  /** When it went out (ISO 8601), from the sent record. */
  sentAt: string;
}

export interface Figures {
  readAt: string;
  slot: ReadingSlot;
  emailsSent: number;
  delivered: number;
  bounces: { hard: number; soft: number };
  unsubscribes: number;
  abuseReports: number;
  /** null when opens were not tracked: no figure rather than a misleading zero. */
  opens: { unique: number; rate: number } | null;
  /** null when clicks were tracked in neither the HTML nor the plain text. */
  clicks: { unique: number; total: number; rate: number } | null;
}

export interface LinkRow {
  url: string;
  section: SectionRef;
  totalClicks: number;
  uniqueClicks: number;
}

export interface SectionRow {
  section: SectionRef;
  totalClicks: number;
  uniqueClicks: number;
}

export interface Comparison {
  issueId: string;
  subject: string;
  sentAt: string;
  emailsSent: number;
  openRate: number | null;
  clickRate: number | null;
  /** This issue's own row. */
  current: boolean;
}

export type IssueReport = IssueFacts &
  (
    | { state: 'not-ready'; caveats: string[]; nextReadingAt: string | null }
    | {
        state: 'ready';
        tracking: Tracking;
        latest: Figures;
        /** One point per reading, oldest first. */
        series: Figures[];
        links: LinkRow[];
        sections: SectionRow[];
        domains: DomainFigures[];
        comparison: Comparison[];
        caveats: string[];
        nextReadingAt: string | null;
      }
  );

export const APPLE_MPP =
  'Apple Mail Privacy Protection opens every email it delivers to fetch its images, whether or not the reader does, so opens are overcounted: clicks are the better measure of what was read.';
export const NOT_READY =
  'Mailchimp has no report on this issue yet (it usually has one within an hour of the send). The daemon reads it about 1 hour, 24 hours and 7 days after the send.';
export const OPENS_OFF = 'Opens were not tracked for this issue (tracking.opens in newsletter.yaml), so there is no open figure.';
export const CLICKS_OFF =
  'Clicks were not tracked for this issue (tracking.htmlClicks and textClicks in newsletter.yaml), so there is no click figure.';

export interface ReportInput {
  issue: IssueFacts;
  readings: ReportReading[];
  /** Each https link of the email as sent and the sections it sits in (links.ts). */
  linkMap: Map<string, SectionRef[]>;
  /** The latest reading of every other sent issue, with its facts. */
  others: { issue: IssueFacts; latest: ReportReading }[];
  nextReadingAt: Date | undefined;
  /** How many of the busiest email domains to show. */
  topDomains?: number;
}

export function buildReport(input: ReportInput): IssueReport {
  const { issue, readings } = input;
  const next = input.nextReadingAt?.toISOString() ?? null;
  const last = readings.at(-1);
  if (!last) return { ...issue, state: 'not-ready', caveats: [NOT_READY], nextReadingAt: next };
  const links = last.links
    .map((l) => ({ url: l.url, section: sectionOfLink(l.url, input.linkMap), totalClicks: l.totalClicks, uniqueClicks: l.uniqueClicks }))
    .sort((a, b) => b.totalClicks - a.totalClicks || byCodePoint(a.url, b.url));
  const caveats = [last.tracking.opens ? APPLE_MPP : OPENS_OFF];
  if (!clicksTracked(last.tracking)) caveats.push(CLICKS_OFF);
  const earlier = input.others.filter((o) => o.issue.sentAt < issue.sentAt).sort((a, b) => byCodePoint(a.issue.sentAt, b.issue.sentAt));
  return {
    ...issue,
    state: 'ready',
    tracking: last.tracking,
    latest: figuresOf(last),
    series: readings.map(figuresOf),
    links,
    sections: bySection(links),
    domains: [...last.domains].sort((a, b) => b.emailsSent - a.emailsSent).slice(0, input.topDomains ?? 10),
    comparison: [...earlier.map((o) => comparisonOf(o.issue, o.latest, false)), comparisonOf(issue, last, true)],
    caveats,
    nextReadingAt: next,
  };
}

const clicksTracked = (t: Tracking) => t.htmlClicks || t.textClicks;

function figuresOf(r: ReportReading): Figures {
  const { report } = r;
  return {
    readAt: r.readAt,
    slot: r.slot,
    emailsSent: report.emailsSent,
    delivered: Math.max(0, report.emailsSent - report.bounces.hard - report.bounces.soft),
    bounces: report.bounces,
    unsubscribes: report.unsubscribes,
    abuseReports: report.abuseReports,
    opens: r.tracking.opens ? report.opens : null,
    clicks: clicksTracked(r.tracking) ? report.clicks : null,
  };
}

/** Clicks summed per section, in the order the sections stand in the issue; the rest after them. */
function bySection(links: LinkRow[]): SectionRow[] {
  const rows = new Map<string, SectionRow>();
  for (const l of links) {
    const key = `${l.section.index ?? 'x'}:${l.section.title}`;
    const row = rows.get(key) ?? { section: l.section, totalClicks: 0, uniqueClicks: 0 };
    row.totalClicks += l.totalClicks;
    row.uniqueClicks += l.uniqueClicks;
    rows.set(key, row);
  }
  const order = (r: SectionRow) => r.section.index ?? Number.MAX_SAFE_INTEGER;
  return [...rows.values()].sort((a, b) => order(a) - order(b) || a.section.title.localeCompare(b.section.title));
}

function comparisonOf(issue: IssueFacts, r: ReportReading, current: boolean): Comparison {
  const f = figuresOf(r);
  return {
    issueId: issue.issueId,
    subject: issue.subject,
    sentAt: issue.sentAt,
    emailsSent: f.emailsSent,
    openRate: f.opens?.rate ?? null,
    clickRate: f.clicks?.rate ?? null,
    current,
  };
}

/**
 * How many people clicked; null when Mailchimp's report leaves it out (it says 0 although there
 * were clicks): "not reported", never 0 people.
 */
export function clickers(f: Pick<Figures, 'clicks'>): number | null {
  if (!f.clicks) return null;
  return f.clicks.unique === 0 && f.clicks.total > 0 ? null : f.clicks.unique;
}

// The pure core of reports: the reading schedule, where a link sits, chart geometry, the report
// model (opens not tracked, sections in the issue's order, only earlier issues compared) and CSV.
import { describe, expect, it } from 'vitest';
import { barLayout, lineLayout } from '../../src/report/chart.js';
import { LAYOUT, NOT_IN_EMAIL, sectionOfLink } from '../../src/report/links.js';
import { APPLE_MPP, buildReport, OPENS_OFF } from '../../src/report/model.js';
import type { ReportReading } from '../../src/state/report-reading.js';
import { nextReading, slotDue } from '../../src/report/schedule.js';
import { reportPage } from '../../src/report/page.js';
import { linksCsv, reportLines } from '../../src/report/text.js';

const SENT = new Date('2022-04-05T08:00:00Z');
const after = (ms: number) => new Date(SENT.getTime() + ms);
const H = 3_600_000;

describe('the reading schedule', () => {
  it('reads about 1 hour, 24 hours and 7 days after the send, each once', () => {
    expect(slotDue(SENT, after(59 * 60_000), new Set())).toBeUndefined();
    expect(slotDue(SENT, after(H), new Set())).toBe('hour');
    expect(slotDue(SENT, after(2 * H), new Set(['hour']))).toBeUndefined();
    expect(slotDue(SENT, after(24 * H), new Set(['hour']))).toBe('day');
    expect(slotDue(SENT, after(7 * 24 * H), new Set(['hour', 'day']))).toBe('week');
    expect(slotDue(SENT, after(30 * 24 * H), new Set(['hour', 'day', 'week']))).toBeUndefined();
  });

  it('after downtime reads the latest slot that has come, not the missed ones late', () => {
    expect(slotDue(SENT, after(3 * 24 * H), new Set())).toBe('day');
    expect(slotDue(SENT, after(3 * 24 * H), new Set(['day']))).toBeUndefined();
    expect(slotDue(SENT, after(9 * 24 * H), new Set())).toBe('week');
  });

  it('stops asking a month after the send (a campaign deleted in Mailchimp is not asked about forever)', () => {
    expect(slotDue(SENT, after(30 * 24 * H), new Set(['hour', 'day']))).toBe('week');
    expect(slotDue(SENT, after(30 * 24 * H + 60_000), new Set(['hour', 'day']))).toBeUndefined();
  });

  it('says when the next reading falls', () => {
    expect(nextReading(SENT, after(10 * 60_000), new Set())).toEqual(after(H));
    expect(nextReading(SENT, after(2 * H), new Set(['hour']))).toEqual(after(24 * H));
    expect(nextReading(SENT, after(8 * 24 * H), new Set(['week']))).toBeUndefined();
  });
});

describe('where a link sits', () => {
  const map = new Map([
    ['https://a.example/x/', [{ index: 0, title: 'Welcome' }]],
    [
      'https://b.example/',
      [
        { index: 2, title: 'News' },
        { index: 5, title: 'Have your say' },
      ],
    ],
    ['https://c.example/', [LAYOUT]],
  ]);
  it('names its section, all its sections, the layout, or none', () => {
    expect(sectionOfLink('https://a.example/x/', map)).toEqual({ index: 0, title: 'Welcome' });
    expect(sectionOfLink('https://a.example/x', map)).toEqual({ index: 0, title: 'Welcome' }); // trailing slash
    expect(sectionOfLink('https://b.example/', map)).toEqual({ index: null, title: 'Several sections: News; Have your say' });
    expect(sectionOfLink('https://c.example/', map)).toBe(LAYOUT);
    expect(sectionOfLink('https://elsewhere.example/', map)).toBe(NOT_IN_EMAIL);
  });
});

describe('chart geometry', () => {
  it('bars are in proportion, the longest the plot’s width, zero no bar', () => {
    const layout = barLayout(
      [
        { label: 'A', value: 50 },
        { label: 'B', value: 100 },
        { label: 'C', value: 0 },
      ],
      548,
    );
    expect(layout.bars.map((b) => b.width)).toEqual([250, 500, 0]);
    expect(layout.bars[1]!.y).toBeGreaterThan(layout.bars[0]!.y);
  });

  it('lines span the plot over time; one reading is a point in the middle; zeros lie on the axis', () => {
    const two = lineLayout([0, 100], [{ name: 'clicked', values: [0, 10] }], 560, 240);
    expect(two.lines[0]!.points.map((p) => p.x)).toEqual([two.plot.left, two.plot.right]);
    expect(two.lines[0]!.points.map((p) => p.y)).toEqual([two.plot.bottom, two.plot.top]);
    const one = lineLayout([5], [{ name: 'clicked', values: [0] }], 560, 240);
    expect(one.lines[0]!.points[0]).toEqual({ x: (one.plot.left + one.plot.right) / 2, y: one.plot.bottom, value: 0 });
  });
});

const reading = (over: Partial<ReportReading> = {}): ReportReading => ({
  issueId: '2022-05',
  campaignId: 'c1',
  slot: 'hour',
  readAt: '2022-05-05T09:00:00.000Z',
  tracking: { opens: true, htmlClicks: true, textClicks: true },
  report: {
    campaignId: 'c1',
    emailsSent: 100,
    bounces: { hard: 2, soft: 3 },
    unsubscribes: 1,
    abuseReports: 0,
    opens: { unique: 0, rate: 0 },
    clicks: { unique: 7, total: 12, rate: 0.07 },
  },
  links: [
    { url: 'https://c.example/', totalClicks: 2, uniqueClicks: 2 },
    { url: 'https://a.example/x/', totalClicks: 10, uniqueClicks: 5 },
  ],
  domains: [],
  ...over,
});
const facts = (issueId: string, sentAt: string) => ({ issueId, subject: `Issue ${issueId}`, sentAt });

describe('the report model', () => {
  const linkMap = new Map([
    ['https://a.example/x/', [{ index: 1, title: 'Article' }]],
    ['https://c.example/', [LAYOUT]],
  ]);
  it('is not ready without readings', () => {
    const r = buildReport({ issue: facts('2022-05', '2022-05-05T08:00:00Z'), readings: [], linkMap, others: [], nextReadingAt: undefined });
    expect(r.state).toBe('not-ready');
  });

  it('with opens not tracked has no open figure (not zero) and says why; clicks stand', () => {
    const r = buildReport({
      issue: facts('2022-05', '2022-05-05T08:00:00Z'),
      readings: [reading({ tracking: { opens: false, htmlClicks: true, textClicks: true } })],
      linkMap,
      others: [],
      nextReadingAt: undefined,
    });
    if (r.state !== 'ready') throw new Error('expected a report');
    expect(r.latest.opens).toBeNull();
    expect(r.latest.clicks).toEqual({ unique: 7, total: 12, rate: 0.07 });
    expect(r.caveats).toEqual([OPENS_OFF]);
    expect(r.latest.delivered).toBe(95);
  });

  it('sums clicks per section in the issue’s order, the layout last, and compares only earlier issues', () => {
    const r = buildReport({
      issue: facts('2022-05', '2022-05-05T08:00:00Z'),
      readings: [reading()],
      linkMap,
      others: [
        { issue: facts('2022-04', '2022-04-05T08:00:00Z'), latest: reading({ issueId: '2022-04' }) },
        { issue: facts('2022-06', '2022-06-05T08:00:00Z'), latest: reading({ issueId: '2022-06' }) },
      ],
      nextReadingAt: undefined,
    });
    if (r.state !== 'ready') throw new Error('expected a report');
    expect(r.caveats).toEqual([APPLE_MPP]);
    expect(r.sections.map((s) => [s.section.title, s.totalClicks])).toEqual([
      ['Article', 10],
      ['Header and footer', 2],
    ]);
    expect(r.links.map((l) => l.totalClicks)).toEqual([10, 2]);
    expect(r.comparison.map((c) => [c.issueId, c.current])).toEqual([
      ['2022-04', false],
      ['2022-05', true],
    ]);
  });

  it('says "not reported", never 0 people, when Mailchimp leaves out how many people clicked', () => {
    const base = reading();
    const left = { ...base, report: { ...base.report, clicks: { unique: 0, total: 12, rate: 0 } } };
    const r = buildReport({
      issue: facts('2022-05', '2022-05-05T08:00:00Z'),
      readings: [left],
      linkMap,
      others: [],
      nextReadingAt: undefined,
    });
    if (r.state !== 'ready') throw new Error('expected a report');
    const html = reportPage('The Panel', r);
    expect(html).toContain('<dt>Clicked</dt><dd>not reported: Mailchimp');
    expect(html).not.toMatch(/<dt>Clicked<\/dt><dd>0 people/);
    expect(reportLines(r)).toMatch(/clicked +not reported: Mailchimp/);
    // And the page offers the table as a download, not as a command.
    expect(html).toContain('<a href="links.csv" download="2022-05-links.csv" id="links-csv">');
    expect(html).not.toContain('--csv');
  });

  it('exports the per-link table as CSV a spreadsheet cannot run', () => {
    const r = buildReport({
      issue: facts('2022-05', '2022-05-05T08:00:00Z'),
      readings: [reading()],
      linkMap: new Map([['https://a.example/x/', [{ index: 1, title: '=HYPERLINK("x") "quoted"' }]]]),
      others: [],
      nextReadingAt: undefined,
    });
    const rows = linksCsv(r).split('\r\n');
    expect(rows[1]).toBe(`"https://a.example/x/","2","'=HYPERLINK(""x"") ""quoted""","10","5","2022-05-05T09:00:00.000Z"`);
    expect(rows[2]).toBe(`"https://c.example/","","Not in the email as sent","2","2","2022-05-05T09:00:00.000Z"`);
  });
});

describe('the report page', () => {
  it('escapes what comes from content and Mailchimp: a subject or caveat cannot add markup', () => {
    const html = reportPage('The <Panel>', {
      issueId: '2022-04',
      subject: 'Reviews & <b>news</b>',
      sentAt: '2022-04-05T08:00:00.000Z',
      state: 'not-ready',
      caveats: ['Mailchimp says <soon>'],
      nextReadingAt: null,
    });
    expect(html).toContain('What readers did: Reviews &amp; &lt;b&gt;news&lt;/b&gt;');
    expect(html).toContain('<strong>The &lt;Panel&gt;</strong>');
    expect(html).toContain('<p class="caveat">Mailchimp says &lt;soon&gt;</p>');
    expect(html).not.toMatch(/<b>|<soon>|<Panel>/);
  });
});

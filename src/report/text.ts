// The report as `newsletter report` prints it: readable lines, and the per-link table as CSV.
// Pure: the same IssueReport the studio page shows, in words.
import { ukDayOf, ukInstant } from '../time/uk.js';
import { clickers, type Figures, type IssueReport } from './model.js';
import { SLOT_WORDS } from './schedule.js';

export const percent = (rate: number): string => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export function opensLine(f: Figures): string {
  return f.opens ? `${f.opens.unique} people (${percent(f.opens.rate)} of those delivered)` : 'not tracked';
}

export function clicksLine(f: Figures): string {
  if (f.clicks && clickers(f) === null)
    return `not reported: Mailchimp's report leaves out how many people clicked (${f.clicks.total} clicks in all)`;
  return f.clicks
    ? `${f.clicks.unique} people (${percent(f.clicks.rate)} of those delivered), ${f.clicks.total} clicks in all`
    : 'not tracked';
}

export function reportLines(r: IssueReport): string {
  const head = `${r.issueId}  "${r.subject}"  sent ${ukInstant(new Date(r.sentAt))}`;
  const next = r.nextReadingAt ? `Next reading: ${ukInstant(new Date(r.nextReadingAt))}.` : '';
  if (r.state === 'not-ready') return [head, '', 'Not ready yet.', ...r.caveats, next].filter(Boolean).join('\n');
  const f = r.latest;
  const lines = [
    head,
    `Reading of ${ukInstant(new Date(f.readAt))} (${SLOT_WORDS[f.slot]}); ${r.series.length} reading${r.series.length === 1 ? '' : 's'} in all`,
    '',
    `  emails sent     ${f.emailsSent}`,
    `  delivered       ${f.delivered}`,
    `  bounces         ${f.bounces.hard} hard, ${f.bounces.soft} soft`,
    `  unsubscribes    ${f.unsubscribes}`,
    `  abuse reports   ${f.abuseReports}`,
    `  clicked         ${clicksLine(f)}`,
    `  opened          ${opensLine(f)}${f.opens ? ' — overcounted, see below' : ''}`,
    '',
    ...r.caveats.map((c) => `Note: ${c}`),
  ];
  if (r.series.length > 1) {
    lines.push('', 'Over the readings:');
    for (const s of r.series)
      lines.push(
        `  ${ukInstant(new Date(s.readAt))}  clicked ${s.clicks ? (clickers(s) ?? 'not reported') : '-'}  opened ${s.opens ? s.opens.unique : '-'}`,
      );
  }
  lines.push('', 'Clicks by section:');
  if (r.sections.length === 0) lines.push('  no clicks yet');
  for (const s of r.sections) lines.push(`  ${String(s.totalClicks).padStart(5)}  ${s.section.title}`);
  lines.push('', 'Clicks per link (all clicks, people):');
  if (r.links.length === 0) lines.push('  no clicks yet');
  for (const l of r.links)
    lines.push(`  ${String(l.totalClicks).padStart(5)} ${String(l.uniqueClicks).padStart(5)}  ${l.url}  (${l.section.title})`);
  if (r.domains.length > 0) {
    lines.push('', 'Email domains (sent, opened, clicked):');
    for (const d of r.domains) lines.push(`  ${d.domain}  ${d.emailsSent} sent, ${d.opens} opened, ${d.clicks} clicked`);
  }
  if (r.comparison.length > 1) {
    lines.push('', 'Compared with earlier issues (click rate, open rate):');
    for (const c of r.comparison)
      lines.push(
        `  ${c.issueId}  ${ukDayOf(new Date(c.sentAt))}  ${c.emailsSent} sent  clicked ${c.clickRate === null ? 'not tracked' : percent(c.clickRate)}  opened ${c.openRate === null ? 'not tracked' : percent(c.openRate)}${c.current ? '  (this issue)' : ''}`,
      );
  }
  if (next) lines.push('', next);
  return lines.join('\n');
}

/** RFC 4180: quote every field, double the quotes inside; a leading = + - @ tab or CR is made inert for spreadsheets. */
const csvField = (v: string | number) =>
  `"${String(v)
    .replace(/^([=+\-@\t\r])/, "'$1")
    .replace(/"/g, '""')}"`;

/** The per-link table of the latest reading; a header only when there is none. */
export function linksCsv(r: IssueReport): string {
  const rows: (string | number)[][] = [['url', 'section', 'section_title', 'total_clicks', 'unique_clicks', 'read_at']];
  if (r.state === 'ready')
    for (const l of r.links)
      rows.push([
        l.url,
        l.section.index === null ? '' : l.section.index + 1,
        l.section.title,
        l.totalClicks,
        l.uniqueClicks,
        r.latest.readAt,
      ]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// The report page of one sent issue in the studio (never in public mode): the figures of the
// latest reading with its time, the caveats beside them, clicks by section and opens/clicks over
// the readings as inline SVG with their data tables, clicks per link, email domains, and the
// issues before it. Pure: an IssueReport in, a page out, every value escaped by markup``.
import { browserFile } from '../page/assets.js';
import { page } from '../page/frame.js';
import { type Html, joinHtml, markup, raw } from '../page/html.js';
import { studioCss } from '../page/studio-assets.js';
import { ukDayOf, ukInstant } from '../time/uk.js';
import { barLayout, lineLayout } from './chart.js';
import { clickers, type Figures, type IssueReport } from './model.js';
import { SLOT_WORDS } from './schedule.js';
import { barChartSvg, lineChartSvg } from './svg.js';
import { percent } from './text.js';

const at = (iso: string) => ukInstant(new Date(iso));
type Ready = Extract<IssueReport, { state: 'ready' }>;

export function reportPage(name: string, r: IssueReport): string {
  const back = `/issues/${encodeURIComponent(r.issueId)}/`;
  const header = markup`<header class="top"><nav class="wrap" aria-label="Studio"><strong>${name}</strong> <a href="/">All issues</a> <a href="${back}">This issue</a></nav></header>`;
  const intro = markup`<h1>What readers did: ${r.subject}</h1>
<p>Issue ${r.issueId}, sent ${at(r.sentAt)}. Figures are Mailchimp's totals for the whole audience; no reader is named or counted alone.</p>`;
  const next = r.nextReadingAt ? markup`<p class="muted">Next reading: ${at(r.nextReadingAt)}.</p>` : '';
  const body =
    r.state === 'not-ready'
      ? markup`<h2>Not ready yet</h2>${r.caveats.map((c) => markup`<p class="caveat">${c}</p>`)}${next}`
      : markup`${ready(r)}${next}`;
  return page({
    title: `What readers did — ${r.subject}`,
    css: studioCss() + browserFile('report/browser/report.css'),
    body: markup`${header}\n<main class="wrap">\n${intro}\n${body}\n</main>`.text,
  });
}

function ready(r: Ready): Html {
  return joinHtml([figures(r), sectionsPart(r), seriesPart(r), linksPart(r), domainsPart(r), comparisonPart(r)], '\n');
}

function figures(r: Ready): Html {
  const f = r.latest;
  const caveat = markup`<p class="caveat" id="caveat-opens">${r.caveats[0]!}</p>`;
  const opens = f.opens ? markup`${f.opens.unique} people, ${percent(f.opens.rate)} of those delivered ${caveat}` : caveat;
  const people = clickers(f);
  const clicks = f.clicks
    ? people === null
      ? markup`not reported: Mailchimp's report leaves out how many people clicked (${f.clicks.total} clicks in all; the table of links counts people per link)`
      : markup`${people} people, ${percent(f.clicks.rate)} of those delivered (${f.clicks.total} clicks in all)`
    : markup`${r.caveats.find((c) => c.startsWith('Clicks were not tracked')) ?? 'not tracked'}`;
  const rows: [string, Html | string][] = [
    ['Emails sent', String(f.emailsSent)],
    ['Delivered', String(f.delivered)],
    ['Bounces', `${f.bounces.hard} hard, ${f.bounces.soft} soft`],
    ['Unsubscribes', String(f.unsubscribes)],
    ['Abuse reports', String(f.abuseReports)],
    ['Clicked', clicks],
    ['Opened', opens],
  ];
  return markup`<h2>Figures</h2>
<p>Reading of ${at(f.readAt)} (${SLOT_WORDS[f.slot]}).</p>
<dl class="figures" id="figures">${rows.map(([k, v]) => markup`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function sectionsPart(r: Ready): Html {
  if (r.sections.length === 0) return markup`<h2>Clicks by section</h2><p>No clicks yet.</p>`;
  const rows = r.sections.map((s) => ({ label: s.section.title, value: s.totalClicks }));
  const top = [...r.sections].sort((a, b) => b.totalClicks - a.totalClicks)[0]!;
  const svg = barChartSvg(
    'by-section',
    'Clicks by section',
    `Bar chart of all clicks on the links in each section. Most clicked: ${top.section.title}, ${top.totalClicks} clicks.`,
    barLayout(rows),
  );
  const table = markup`<table id="sections"><caption>Clicks by section</caption><thead><tr><th scope="col">Section</th><th scope="col" class="num">Clicks</th><th scope="col" class="num">People</th></tr></thead>
<tbody>${r.sections.map((s) => markup`<tr><th scope="row">${s.section.title}</th><td class="num">${s.totalClicks}</td><td class="num">${s.uniqueClicks}</td></tr>`)}</tbody></table>`;
  return markup`<h2>Clicks by section</h2><div class="pair"><figure>${raw(svg)}</figure>${table}</div>`;
}

function seriesPart(r: Ready): Html {
  const people = (f: Figures, k: 'opens' | 'clicks') => (k === 'clicks' ? clickers(f) : (f.opens?.unique ?? null));
  const series = [
    ...(r.latest.clicks ? [{ name: 'People who clicked', values: r.series.map((f) => people(f, 'clicks') ?? 0) }] : []),
    ...(r.latest.opens ? [{ name: 'People who opened', values: r.series.map((f) => people(f, 'opens') ?? 0) }] : []),
  ];
  if (series.length === 0) return raw('');
  const layout = lineLayout(
    r.series.map((f) => Date.parse(f.readAt)),
    series,
  );
  const words = series.map((s) => `${s.name.toLowerCase()}: ${s.values.join(', ')}`).join('; ');
  const svg = lineChartSvg(
    'over-time',
    'Opens and clicks over the readings',
    `Line chart over ${r.series.length} reading${r.series.length === 1 ? '' : 's'}, from ${ukInstant(new Date(r.series[0]!.readAt))} to ${ukInstant(new Date(r.latest.readAt))}; ${words}.`,
    layout,
    (t) => ukDayOf(new Date(t)).replace(/ \d{4}$/, ''),
  );
  const cell = (f: Figures, k: 'opens' | 'clicks') => {
    const v = people(f, k);
    return markup`<td class="num">${v !== null ? v : f[k] ? 'not reported' : 'not tracked'}</td>`;
  };
  const table = markup`<table id="readings"><caption>Readings</caption><thead><tr><th scope="col">Read</th><th scope="col" class="num">Clicked</th><th scope="col" class="num">Opened</th></tr></thead>
<tbody>${r.series.map((f) => markup`<tr><th scope="row">${at(f.readAt)}</th>${cell(f, 'clicks')}${cell(f, 'opens')}</tr>`)}</tbody></table>`;
  return markup`<h2>Opens and clicks over the readings</h2><div class="pair"><figure>${raw(svg)}</figure>${table}</div>`;
}

function linksPart(r: Ready): Html {
  if (r.links.length === 0) return raw('');
  return markup`<h2>Clicks per link</h2>
<table id="links"><thead><tr><th scope="col">Link</th><th scope="col">Section</th><th scope="col" class="num">Clicks</th><th scope="col" class="num">People</th></tr></thead>
<tbody>${r.links.map((l) => markup`<tr><td class="url">${l.url}</td><td>${l.section.title}</td><td class="num">${l.totalClicks}</td><td class="num">${l.uniqueClicks}</td></tr>`)}</tbody></table>
<p><a href="links.csv" download="${r.issueId}-links.csv" id="links-csv">Download this table (CSV, for a spreadsheet)</a></p>`;
}

function domainsPart(r: Ready): Html {
  if (r.domains.length === 0) return raw('');
  return markup`<h2>Email domains</h2>
<table id="domains"><thead><tr><th scope="col">Domain</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">Opened</th><th scope="col" class="num">Clicked</th></tr></thead>
<tbody>${r.domains.map((d) => markup`<tr><th scope="row">${d.domain}</th><td class="num">${d.emailsSent}</td><td class="num">${d.delivered}</td><td class="num">${d.opens}</td><td class="num">${d.clicks}</td></tr>`)}</tbody></table>`;
}

function comparisonPart(r: Ready): Html {
  if (r.comparison.length < 2) return markup`<h2>Compared with earlier issues</h2><p>No earlier issue has a report yet.</p>`;
  const rate = (v: number | null) => (v === null ? 'not tracked' : percent(v));
  return markup`<h2>Compared with earlier issues</h2>
<table id="comparison"><thead><tr><th scope="col">Issue</th><th scope="col">Sent</th><th scope="col" class="num">Emails sent</th><th scope="col" class="num">Click rate</th><th scope="col" class="num">Open rate</th></tr></thead>
<tbody>${r.comparison.map((c) => markup`<tr${c.current ? raw(' class="current"') : ''}><th scope="row">${c.issueId}${c.current ? ' (this issue)' : ''}</th><td>${ukDayOf(new Date(c.sentAt))}</td><td class="num">${c.emailsSent}</td><td class="num">${rate(c.clickRate)}</td><td class="num">${rate(c.openRate)}</td></tr>`)}</tbody></table>`;
}

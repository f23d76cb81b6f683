// The public archive: the list of sent issues, newest first, and its Atom feed. Pure: content
// in, HTML or XML out; the caller says where links point (server paths or static files).
import type { Content, Issue } from '../../content/schema.js';
import { londonToUtc, ukDate } from '../../render/dates.js';
import { escapeHtml } from '../../render/html.js';
import { BASE_CSS, page } from './shell.js';

/** Sent issues, newest first: the only ones the public may see. */
export function sentIssues(content: Content): Issue[] {
  return content.issues.filter((i) => i.status === 'sent').sort((a, b) => b.sendAt.localeCompare(a.sendAt) || b.id.localeCompare(a.id));
}

export interface ArchiveLinks {
  issue(id: string): string;
  feed: string;
}

const ARCHIVE_CSS = `${BASE_CSS}
.issues{list-style:none;padding:0}.issues li{padding:1rem 0;border-bottom:1px solid #b1b4b6}
.issues h2{font-size:1.25rem;margin:0 0 .25rem}.issues p{margin:.25rem 0}`;

export function archivePage(content: Content, links: ArchiveLinks): string {
  const name = content.newsletter.name;
  const items = sentIssues(content).map(
    (i) => `<li>
  <h2><a href="${escapeHtml(links.issue(i.id))}">${escapeHtml(i.subject)}</a></h2>
  <p class="muted">Sent on <time datetime="${escapeHtml(isoInstant(i))}">${ukDate(i.sendAt.slice(0, 10))}</time></p>
  <p>${escapeHtml(i.preheader)}</p>
</li>`,
  );
  const list = items.length ? `<ul class="issues">\n${items.join('\n')}\n</ul>` : '<p>No issues have been sent yet.</p>';
  return page({
    title: `${name}: past issues`,
    css: ARCHIVE_CSS,
    head: `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(name)}" href="${escapeHtml(links.feed)}">`,
    body: `<main class="wrap">
<h1>${escapeHtml(name)}: past issues</h1>
<p>Every issue sent so far, newest first. <a href="${escapeHtml(links.feed)}">Follow new issues with the Atom feed</a>.</p>
${list}
</main>`,
  });
}

/** Atom 1.0 with absolute links; `baseUrl` is PUBLIC_URL without a trailing slash. */
export function atomFeed(content: Content, baseUrl: string): string {
  const issues = sentIssues(content);
  const nl = content.newsletter;
  const updated = issues[0] ? isoInstant(issues[0]) : '1970-01-01T00:00:00Z';
  const entries = issues.map(
    (i) => `  <entry>
    <id>${escapeHtml(`${baseUrl}/archive/${i.id}/`)}</id>
    <title>${escapeHtml(i.subject)}</title>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/archive/${i.id}/`)}"/>
    <published>${isoInstant(i)}</published>
    <updated>${isoInstant(i)}</updated>
    <summary>${escapeHtml(i.preheader)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${escapeHtml(`${baseUrl}/feed.xml`)}</id>
  <title>${escapeHtml(nl.name)}</title>
  <subtitle>${escapeHtml(`Past issues of ${nl.name}`)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${baseUrl}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/archive/`)}"/>
  <author><name>${escapeHtml(nl.organisation)}</name></author>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/** The send time as a UTC instant, "2022-04-05T08:00:00Z". */
function isoInstant(issue: Issue): string {
  return londonToUtc(issue.sendAt).toISOString().replace('.000Z', 'Z');
}

// The public archive's pages: the list of sent issues, newest first, and its Atom feed. Pure:
// archived issues in, HTML or XML out; the caller says where links point (server paths or files).
import type { Newsletter } from '../content/schema.js';
import { escapeHtml } from '../render/html.js';
import { BASE_CSS, page } from './frame.js';
import { statementLink } from './accessibility.js';
import { type ArchivedIssue, sentDay, sentInstant } from './archive.js';

export interface ArchiveLinks {
  issue(id: string): string;
  feed: string;
  /** The accessibility statement, linked from the footer; absent when newsletter.yaml gives no statement. */
  statement?: string;
  /** Where the page was reached from, to go back to (the studio's list of issues). */
  back?: { href: string; text: string };
}

type Publication = Pick<Newsletter, 'name' | 'organisation'>;

const ARCHIVE_CSS = `${BASE_CSS}
.issues{list-style:none;padding:0}.issues li{padding:1rem 0;border-bottom:1px solid #b1b4b6}
.issues h2{font-size:1.25rem;margin:0 0 .25rem}.issues p{margin:.25rem 0}`;

export function archivePage(newsletter: Publication, issues: readonly ArchivedIssue[], links: ArchiveLinks): string {
  const name = newsletter.name;
  const items = issues.map(
    (i) => `<li>
  <h2><a href="${escapeHtml(links.issue(i.id))}">${escapeHtml(i.subject)}</a></h2>
  <p class="muted">Sent on <time datetime="${escapeHtml(sentInstant(i))}">${sentDay(i)}</time></p>
  <p>${escapeHtml(i.preheader)}</p>
</li>`,
  );
  const list = items.length ? `<ul class="issues">\n${items.join('\n')}\n</ul>` : '<p>No issues have been sent yet.</p>';
  return page({
    title: `${name}: past issues`,
    css: ARCHIVE_CSS,
    head: `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(name)}" href="${escapeHtml(links.feed)}">`,
    body: `<main class="wrap">${links.back ? `\n<p><a href="${escapeHtml(links.back.href)}">${escapeHtml(links.back.text)}</a></p>` : ''}
<h1>${escapeHtml(name)}: past issues</h1>
<p>Every issue sent so far, newest first. <a href="${escapeHtml(links.feed)}">Follow new issues with the Atom feed</a>.</p>
${list}
</main>${links.statement ? `\n<footer class="wrap"><p>${statementLink(links.statement)}</p></footer>` : ''}`,
  });
}

/** Atom 1.0 with absolute links; `baseUrl` is PUBLIC_URL without a trailing slash. */
export function atomFeed(newsletter: Publication, issues: readonly ArchivedIssue[], baseUrl: string): string {
  const updated = issues[0] ? sentInstant(issues[0]) : '1970-01-01T00:00:00Z';
  const entries = issues.map(
    (i) => `  <entry>
    <id>${escapeHtml(`${baseUrl}/archive/${i.id}/`)}</id>
    <title>${escapeHtml(i.subject)}</title>
    <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/archive/${i.id}/`)}"/>
    <published>${sentInstant(i)}</published>
    <updated>${sentInstant(i)}</updated>
    <summary>${escapeHtml(i.preheader)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${escapeHtml(`${baseUrl}/feed.xml`)}</id>
  <title>${escapeHtml(newsletter.name)}</title>
  <subtitle>${escapeHtml(`Past issues of ${newsletter.name}`)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeHtml(`${baseUrl}/feed.xml`)}"/>
  <link rel="alternate" type="text/html" href="${escapeHtml(`${baseUrl}/archive/`)}"/>
  <author><name>${escapeHtml(newsletter.organisation)}</name></author>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

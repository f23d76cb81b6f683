// The public archive's pages: the list of sent issues, newest first, and its Atom feed. Pure:
// archived issues in, HTML or XML out, every value escaped by markup`` (XML's escaping for text
// and attributes is the same); the caller says where links point (server paths or files).
import type { Newsletter } from '../content/schema.js';
import { BASE_CSS, page } from '../page/frame.js';
import { statementLink } from './accessibility.js';
import { type ArchivedIssue, sentDay, sentInstant } from './archive.js';
import { joinHtml, markup, raw } from '../page/html.js';

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
    (i) => markup`<li>
  <h2><a href="${links.issue(i.id)}">${i.subject}</a></h2>
  <p class="muted">Sent on <time datetime="${sentInstant(i)}">${sentDay(i)}</time></p>
  <p>${i.preheader}</p>
</li>`,
  );
  const list = items.length ? markup`<ul class="issues">\n${joinHtml(items, '\n')}\n</ul>` : markup`<p>No issues have been sent yet.</p>`;
  const back = links.back ? markup`\n<p><a href="${links.back.href}">${links.back.text}</a></p>` : '';
  // statementLink builds its link and escapes the address itself.
  const footer = links.statement ? markup`\n<footer class="wrap"><p>${raw(statementLink(links.statement))}</p></footer>` : '';
  return page({
    title: `${name}: past issues`,
    css: ARCHIVE_CSS,
    head: markup`<link rel="alternate" type="application/atom+xml" title="${name}" href="${links.feed}">`.text,
    body: markup`<main class="wrap">${back}
<h1>${name}: past issues</h1>
<p>Every issue sent so far, newest first. <a href="${links.feed}">Follow new issues with the Atom feed</a>.</p>
${list}
</main>${footer}`.text,
  });
}

/** Atom 1.0 with absolute links; `baseUrl` is PUBLIC_URL without a trailing slash. */
export function atomFeed(newsletter: Publication, issues: readonly ArchivedIssue[], baseUrl: string): string {
  const updated = issues[0] ? sentInstant(issues[0]) : '1970-01-01T00:00:00Z';
  const entries = issues.map(
    (i) => markup`  <entry>
    <id>${`${baseUrl}/archive/${i.id}/`}</id>
    <title>${i.subject}</title>
    <link rel="alternate" type="text/html" href="${`${baseUrl}/archive/${i.id}/`}"/>
    <published>${sentInstant(i)}</published>
    <updated>${sentInstant(i)}</updated>
    <summary>${i.preheader}</summary>
  </entry>`,
  );
  return markup`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${`${baseUrl}/feed.xml`}</id>
  <title>${newsletter.name}</title>
  <subtitle>${`Past issues of ${newsletter.name}`}</subtitle>
  <link rel="self" type="application/atom+xml" href="${`${baseUrl}/feed.xml`}"/>
  <link rel="alternate" type="text/html" href="${`${baseUrl}/archive/`}"/>
  <author><name>${newsletter.organisation}</name></author>
  <updated>${updated}</updated>
${joinHtml(entries, '\n')}
</feed>
`.text;
}

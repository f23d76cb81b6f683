// The page listing issues (dist/index.html), in the same frame as the archive and the studio.
// Pure: content and each issue's status in, HTML out.
import type { Content } from '../content/schema.js';
import type { IssueStatus } from '../state/status.js';
import { ukDate } from '../time/uk.js';
import { escapeHtml } from '../render/html.js';
import { BASE_CSS, page } from './frame.js';

export function issueIndexPage(content: Content, hrefFor: (id: string) => string, statusOf: (id: string) => IssueStatus): string {
  const items = [...content.issues]
    .reverse()
    .map(
      (i) =>
        `<li><a href="${escapeHtml(hrefFor(i.id))}">${escapeHtml(i.subject)}</a> — ${ukDate(i.sendAt.slice(0, 10))}${statusOf(i.id) === 'draft' ? ' <strong>(draft)</strong>' : ''}</li>`,
    )
    .join('\n    ');
  const name = escapeHtml(content.newsletter.name);
  const body = `<main class="wrap">
  <h1>${name}</h1>
  <ul>
    ${items}
  </ul>
</main>`;
  return page({ title: `${content.newsletter.name}: issues`, css: `${BASE_CSS}li{margin-bottom:.5rem}`, body });
}

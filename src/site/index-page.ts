// The page listing issues (dist/index.html), in the same frame as the archive and the studio.
// Pure: content and each issue's status in, HTML out, every value escaped by markup``.
import type { Content } from '../content/schema.js';
import type { IssueStatus } from '../state/status.js';
import { ukDate } from '../time/uk.js';
import { BASE_CSS, page } from '../page/frame.js';
import { joinHtml, markup } from '../page/html.js';

export function issueIndexPage(content: Content, hrefFor: (id: string) => string, statusOf: (id: string) => IssueStatus): string {
  const items = [...content.issues]
    .reverse()
    .map(
      (i) =>
        markup`<li><a href="${hrefFor(i.id)}">${i.subject}</a> — ${ukDate(i.sendAt.slice(0, 10))}${statusOf(i.id) === 'draft' ? markup` <strong>(draft)</strong>` : ''}</li>`,
    );
  const body = markup`<main class="wrap">
  <h1>${content.newsletter.name}</h1>
  <ul>
    ${joinHtml(items, '\n    ')}
  </ul>
</main>`;
  return page({ title: `${content.newsletter.name}: issues`, css: `${BASE_CSS}li{margin-bottom:.5rem}`, body: body.text });
}

// The page listing issues (dist/index.html). Pure: content and each issue's status in, HTML out.
import type { Content } from '../content/schema.js';
import type { IssueStatus } from '../state/status.js';
import { ukDate } from './dates.js';
import { escapeHtml } from './html.js';

export function issueIndexPage(content: Content, hrefFor: (id: string) => string, statusOf: (id: string) => IssueStatus): string {
  const items = [...content.issues]
    .reverse()
    .map(
      (i) =>
        `<li><a href="${escapeHtml(hrefFor(i.id))}">${escapeHtml(i.subject)}</a> — ${ukDate(i.sendAt.slice(0, 10))}${statusOf(i.id) === 'draft' ? ' <strong>(draft)</strong>' : ''}</li>`,
    )
    .join('\n    ');
  const name = escapeHtml(content.newsletter.name);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}: issues</title>
<style>body{font:1rem/1.5 Arial,Helvetica,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}a{color:#1d70b8}li{margin-bottom:.5rem}</style>
</head>
<body>
<main>
  <h1>${name}</h1>
  <ul>
    ${items}
  </ul>
</main>
</body>
</html>
`;
}

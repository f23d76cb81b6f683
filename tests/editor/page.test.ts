import { expect, test } from 'vitest';
import { IssueFile } from '../../src/content/schema.js';
import { buildForm } from '../../src/editor/form.js';
import { editorPage } from '../../src/editor/http/pages/editor.js';

test('the editor page escapes what comes from the file: a subject or field value cannot add markup', () => {
  const form = buildForm(IssueFile, { id: '2022-04', subject: 'Reviews "&" <script>alert(1)</script>' });
  const html = editorPage({
    newsletter: 'The <Panel>',
    file: 'issues/2022-04/issue.yaml',
    title: 'Edit 2022-04: Reviews "&" <script>alert(1)</script>',
    hash: 'h',
    token: 't',
    form,
    messages: [{ fieldId: 'f.subject', message: 'Too long: <b>', severity: 'error' }] as never,
    anchors: [],
    issue: { id: '2022-04', emailHref: '/issues/2022-04/email', subject: 'Reviews "&" <script>alert(1)</script>' },
  });
  const escaped = 'Reviews &quot;&amp;&quot; &lt;script&gt;alert(1)&lt;/script&gt;';
  expect(html).toContain(`<h1>Edit 2022-04: ${escaped}</h1>`);
  expect(html).toContain(`title="The email: ${escaped}"`);
  expect(html).toContain(`value="${escaped}"`);
  expect(html).toContain('<span class="text">Too long: &lt;b&gt;</span>');
  expect(html).toContain('<strong>The &lt;Panel&gt;</strong>');
  expect(html).not.toMatch(/<script>alert|<b>|<Panel>/);
});

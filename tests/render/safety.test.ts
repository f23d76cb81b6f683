// Whatever is typed into a body field, no script, event handler or script link reaches a reader.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/pipeline.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { renderIssue } from '../../src/render/index.js';
import { loadTemplates } from '../../src/pipeline.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { renderFrom } from '../helpers/render.js';
import { formatContentError } from '../../src/content/errors.js';
import { parsedMarkdown, unsafeMarkdown } from '../../src/content/markdown-safety.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD4=)',
  '<a href="javascript:alert(1)">x</a>',
  '<javascript:alert(1)>',
  '[vb](vbscript:msgbox(1))',
  '<div onclick="alert(1)">hi</div>',
].join('\n\n');

const FORBIDDEN = [/<script/i, /onerror=/i, /onclick=/i, /javascript:/i, /vbscript:/i, /data:text/i];

function expectClean(label: string, output: string): void {
  for (const pattern of FORBIDDEN) expect(output, `${label} contains ${pattern}`).not.toMatch(pattern);
}

describe('Markdown is sanitised', () => {
  it('in HTML and in plain text, keeping the words of unsafe links', () => {
    expectClean('html', markdownToHtml(HOSTILE));
    expectClean('text', markdownToText(HOSTILE));
    expect(markdownToHtml('[click](javascript:alert(1)) and [ok](https://example.org)')).toBe(
      '<p>click and <a href="https://example.org">ok</a></p>',
    );
  });
});

describe('hostile content', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('is refused when loaded, with where and how to fix it', async () => {
    await project.edit(
      'content/issues/2022-04/issue.yaml',
      'In January, we published',
      '<script>alert(1)</script> In January, we published',
    );
    const loaded = await loadProject(project.paths);
    expect(loaded.errors.map(formatContentError)).toEqual([
      expect.stringMatching(
        /^content\/issues\/2022-04\/issue\.yaml:\d+:\d+ section 1 \(welcome\), body: contains HTML \(<script>\) — write Markdown instead/,
      ),
    ]);
    await project.edit('content/issues/2022-04/issue.yaml', '<script>alert(1)</script> ', '[a](javascript:alert(1)) ');
    const again = await loadProject(project.paths);
    expect(again.errors.map((e) => e.message)).toEqual(['links to "javascript:alert(1)" — links must start with https:// or mailto:']);
  });

  it('never reaches the email, the text or the web version even past validation', async () => {
    const loaded = await loadProject(project.paths);
    const content = loaded.content!;
    const issue = content.issues[0]!;
    // Bypass validation, as a bug elsewhere might: the renderer must still be safe.
    const hostile = { ...issue, sections: issue.sections.map((s) => (s.type === 'welcome' ? { ...s, body: HOSTILE } : s)) };
    const rendered = await renderIssue(content, hostile, await loadTemplates(project.paths));
    for (const part of ['mjml', 'html', 'text', 'web'] as const) expectClean(part, rendered[part]);
    expect(rendered.text).toContain('click');
  });

  it('escapes HTML typed into plain fields such as a title', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'title: Welcome', 'title: "Welcome <img src=x onerror=alert(1)>"');
    const rendered = await renderFrom(project.paths);
    expect(rendered.html).toContain('Welcome &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(rendered.html).not.toContain('onerror=');
    expect(rendered.html).not.toContain('<img src=x');
    expect(rendered.web).not.toContain('<img src=x');
  });
});

describe('one reading of a body field for every rule', () => {
  it('is shared, and rendering it changes nothing the safety rule reads afterwards', () => {
    // Text no other test uses, so this process has not read it before.
    const source = 'Read [this](javascript:alert(1)) once, and the [guidance](https://www.gov.uk/one-reading) too.';
    const before = JSON.stringify(parsedMarkdown(source));
    expect(parsedMarkdown(source)).toBe(parsedMarkdown(source));
    const html = markdownToHtml(source);
    expect(html).not.toContain('javascript');
    expect(html).toContain('<a href="https://www.gov.uk/one-reading">guidance</a>');
    expect(markdownToText(source)).not.toContain('javascript');
    // The render's unwrapping was made on copies: the shared tokens still hold the link, and the rule still refuses it.
    expect(JSON.stringify(parsedMarkdown(source))).toBe(before);
    expect(unsafeMarkdown(source)).toMatch(/^links to "javascript:alert\(1\)"/);
  });
});

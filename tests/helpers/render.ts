// Render an issue of a project folder in-process, as `newsletter build` does.
import { findIssue, loadProject, loadTemplates, type ProjectPaths, usableContent } from '../../src/pipeline.js';
import { renderIssue, type RenderedIssue } from '../../src/render/index.js';

export async function renderFrom(paths: ProjectPaths, id = '2022-04'): Promise<RenderedIssue> {
  const content = usableContent(await loadProject(paths), [id]);
  return renderIssue(content, findIssue(content, id), await loadTemplates(paths));
}

/** Visible text of an HTML page, whitespace folded, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|li|ul|ol|h[1-6]|div|td|tr|table|section|nav|header|footer|main|br)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&zwnj;/g, '\u200c')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

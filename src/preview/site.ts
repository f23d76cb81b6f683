// `build --site`: the public archive and feed as static files for any static host — the same
// pages the server gives in public mode, with links relative so the folder can live anywhere.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../content/schema.js';
import { renderIssue, type Templates } from '../render/index.js';
import { archivePage, atomFeed, sentIssues } from './pages/archive.js';

/** Write dist/site/ afresh; returns the files written, relative to it. */
export async function writeSite(dir: string, content: Content, templates: Templates, publicUrl: string): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'index.html': archivePage(content, { issue: (id) => `archive/${id}/`, feed: 'feed.xml' }),
    'archive/index.html': archivePage(content, { issue: (id) => `${id}/`, feed: '../feed.xml' }),
    'feed.xml': atomFeed(content, publicUrl),
    'robots.txt': 'User-agent: *\nAllow: /\n',
  };
  for (const issue of sentIssues(content)) {
    files[`archive/${issue.id}/index.html`] = (
      await renderIssue(content, issue, templates, { webUrl: `${publicUrl}/archive/${issue.id}/` })
    ).web;
  }
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  return Object.keys(files);
}

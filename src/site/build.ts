// `build --site`: the public archive and feed as static files for any static host — the same
// pages the server gives in public mode, with links relative so the folder can live anywhere.
// The site is built beside dist/site/ and swapped in whole: a build killed half-way leaves the
// previous site as it was, never half of each.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sentNotes } from '../workflow/record-sent.js';
import { type ContentPaths, readSentSnapshot, unrecordedSentClaim } from '../archive/sent.js';
import type { Content } from '../content/schema.js';
import { replaceFolder, writeFileDurable } from '../files/atomic.js';
import { CHECKS } from '../check/registry.js';
import { pictureBytes } from '../archive/pictures.js';
import { imageAddresses, imageNames } from '../render/images.js';
import { accessibilityStatementPage, withStatementLink } from './accessibility.js';
import { archivedIssues } from './archive.js';
import { withArchiveLink } from './footer.js';
import { archivePage, atomFeed } from './pages.js';

/** Write `dir` afresh from the archive; returns the files written (relative to it) and what to point out. */
export async function writeSite(
  dir: string,
  paths: ContentPaths,
  content: Content,
  publicUrl: string,
): Promise<{ files: string[]; notes: string[] }> {
  const issues = await archivedIssues(paths, content);
  const notes: string[] = [];
  // Links are relative, so each page names the statement from where it sits.
  const { accessibility } = content.newsletter;
  const statement = (up: string) => (accessibility ? `${up}accessibility/` : undefined);
  const files: Record<string, string | Uint8Array> = {
    'index.html': archivePage(content.newsletter, issues, { issue: (id) => `archive/${id}/`, feed: 'feed.xml', statement: statement('') }),
    'archive/index.html': archivePage(content.newsletter, issues, {
      issue: (id) => `${id}/`,
      feed: '../feed.xml',
      statement: statement('../'),
    }),
    'feed.xml': atomFeed(content.newsletter, issues, publicUrl),
    'robots.txt': 'User-agent: *\nAllow: /\n',
  };
  for (const entry of issues) {
    // Built without the store, the archive holds sent records only: what subscribers received.
    const sent = entry.sent && (await readSentSnapshot(paths, entry.id));
    if (!sent) throw new Error(`${entry.id} has no sent record, so it cannot be in the built archive`);
    notes.push(...(await sentNotes(paths, sent)));
    // Its pictures go with it (from its sent record), so the archive never depends on Mailchimp.
    for (const name of imageNames(sent.snapshot.web)) {
      const bytes = await pictureBytes(paths, name);
      if (!bytes)
        throw new Error(
          `the picture ${name} of ${entry.id} is in neither its sent record (sent/images/) nor the tool's picture cache — restore ${entry.id}'s sent/ folder from git`,
        );
      files[`images/${name}`] = bytes;
    }
    const web = imageAddresses(sent.snapshot.web, (name) => `../../images/${name}`);
    const linked = withArchiveLink(web, '../');
    files[`archive/${entry.id}/index.html`] = accessibility ? withStatementLink(linked, statement('../../')!) : linked;
  }
  // `status: sent` without a record is a draft: say so, or it looks as if the build lost it.
  const archived = new Set(issues.map((i) => i.id));
  for (const issue of content.issues.filter((i) => i.status === 'sent' && !archived.has(i.id))) {
    const claim = unrecordedSentClaim(issue);
    notes.push(`${claim.message} — ${claim.fix}.`);
  }
  if (accessibility)
    files['accessibility/index.html'] = accessibilityStatementPage({ ...content.newsletter, accessibility }, CHECKS, {
      archive: '../archive/',
      publicUrl: `${publicUrl}/archive/`,
    });
  await replaceFolder(dir, async (fresh) => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(fresh, rel)), { recursive: true });
      await writeFileDurable(path.join(fresh, rel), text);
    }
  });
  return { files: Object.keys(files), notes };
}

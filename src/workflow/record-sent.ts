// Recording an issue as sent, and what to tell people when a sent issue is built again.
// `recordSent` is what distribution calls when Mailchimp reports a campaign sent; `freezeIssue`
// records an issue that was sent before the tool existed, from today's render of it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../pipeline.js';
import { londonToUtc, ukDayOf } from '../time/uk.js';
import { picturesFor } from '../archive/pictures.js';
import { issueDigest, sentFileState } from '../archive/drift.js';
import { type ContentPaths, sentDir, type SentRecord, writeSentSnapshot } from '../archive/sent.js';
import { type IssueSnapshot, snapshotOf } from '../archive/snapshot.js';
import { issueFile } from '../files/project-paths.js';

/**
 * Write the sent snapshot of an issue: the snapshot Mailchimp was given, when it went out, and a
 * digest of issue.yaml as it stands now (so a later edit of the file can be pointed out).
 * Safe to call again with the same snapshot.
 */
export async function recordSent(paths: ProjectPaths, snapshot: IssueSnapshot, sentAt: Date): Promise<'written' | 'unchanged'> {
  const yaml = await readFile(issueFile(paths, snapshot.issueId), 'utf8');
  // With its pictures: a sent record is never without the pictures its pages show.
  const pictures = await picturesFor(paths, snapshot.issueId, [snapshot.html, snapshot.web]);
  return writeSentSnapshot(paths, { snapshot, sentAt: sentAt.toISOString(), issueDigest: issueDigest(yaml) }, pictures);
}

/**
 * Freeze an issue sent before the tool: render it from today's content and templates (what
 * subscribers received, as far as the tool knows) and record it as sent at its `sendAt`.
 */
export async function freezeIssue(
  paths: ProjectPaths,
  id: string,
  opts: { publicUrl: string; now: Date },
): Promise<{ result: 'written' | 'unchanged'; snapshot: IssueSnapshot }> {
  const content = usableContent(await loadProject(paths), [id]);
  const issue = findIssue(content, id);
  const rendered = await renderIssue(content, issue, await loadTemplates(paths), { webUrl: `${opts.publicUrl}/archive/${id}/` });
  if (rendered.mjmlProblems.length > 0) throw new Error(`${id} does not render to valid MJML; fix it before freezing it`);
  const snapshot = snapshotOf(content, issue, rendered, opts.now);
  return { result: await recordSent(paths, snapshot, londonToUtc(issue.sendAt)), snapshot };
}

/** What to say when a sent issue is shown from its snapshot and its file has moved on since. */
export async function sentNotes(paths: ContentPaths, sent: SentRecord): Promise<string[]> {
  const id = sent.snapshot.issueId;
  const dir = path.relative(paths.root, sentDir(paths, id)).split(path.sep).join('/');
  const file = path.relative(paths.root, issueFile(paths, id)).split(path.sep).join('/');
  const when = ukDayOf(new Date(sent.sentAt));
  switch (await sentFileState(paths, sent)) {
    case 'same':
      return [];
    case 'missing':
      return [`${id} was sent on ${when}: shown from ${dir}/, as subscribers received it; ${file} is missing.`];
    case 'changed':
      return [
        `${id} was sent on ${when}: ${file} has been edited since, and the edit is not shown — ` +
          `the archive and this build show ${dir}/, what subscribers received. Undo the edit, or put the correction in a new issue.`,
      ];
  }
}

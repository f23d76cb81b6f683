// What the public archive holds: every sent issue, newest first. An issue with a sent snapshot
// (content/issues/<id>/sent/) is shown exactly as subscribers received it, whatever has changed
// since in the shared content or the templates; an issue marked `status: sent` without one (sent
// before snapshots existed, not yet frozen) is rendered from today's content, as before.
import { type ContentPaths, listSentSnapshots, type SentIssue } from '../archive/sent.js';
import type { Content } from '../content/schema.js';
import { londonToUtc, TIME_ZONE } from '../render/dates.js';

export interface ArchivedIssue {
  id: string;
  subject: string;
  preheader: string;
  /** When it went out, ISO 8601 in UTC. */
  sentAt: string;
  /** What subscribers received; absent for an issue that has no snapshot yet. */
  sent?: SentIssue;
}

/**
 * Sent issues, newest first: the only ones the public may see. `isSent` says which issues are
 * sent; the preview server asks the state store. By default, issue.yaml's `status: sent`.
 */
export async function archivedIssues(
  paths: ContentPaths,
  content: Content | undefined,
  isSent: (id: string) => boolean = (id) => content?.issues.find((i) => i.id === id)?.status === 'sent',
): Promise<ArchivedIssue[]> {
  const frozen = await listSentSnapshots(paths);
  const entries: ArchivedIssue[] = frozen.map((sent) => ({
    id: sent.snapshot.issueId,
    subject: sent.snapshot.subject,
    preheader: sent.snapshot.preheader,
    sentAt: sent.sentAt,
    sent,
  }));
  const have = new Set(entries.map((e) => e.id));
  for (const issue of content?.issues ?? []) {
    if (have.has(issue.id) || !isSent(issue.id)) continue;
    entries.push({ id: issue.id, subject: issue.subject, preheader: issue.preheader, sentAt: londonToUtc(issue.sendAt).toISOString() });
  }
  return entries.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || b.id.localeCompare(a.id));
}

/** "2022-04-05T08:00:00Z": the instant, without milliseconds, as feeds and <time> show it. */
export function sentInstant(entry: ArchivedIssue): string {
  return new Date(entry.sentAt).toISOString().replace('.000Z', 'Z');
}

const londonDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });

/** "5 April 2022": the day it went out, in the UK. */
export function sentDay(entry: ArchivedIssue): string {
  return londonDay.format(new Date(entry.sentAt));
}

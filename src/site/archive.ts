// What the public archive holds: every sent issue, newest first. An issue with a sent snapshot
// (content/issues/<id>/sent/) is shown exactly as subscribers received it, whatever has changed
// since in the shared content or the templates. `status: sent` in an issue file is not a record
// and puts nothing here; only the preview server, which has the store, may add an issue the store
// records as sent without a snapshot (rendered from today's content).
import { type ContentPaths, listSentRecords, type SentRecord } from '../archive/sent.js';
import type { Content } from '../content/schema.js';
import { londonToUtc, ukDayOf } from '../time/uk.js';
import { byCodePoint } from '../order.js';

export interface ArchivedIssue {
  id: string;
  subject: string;
  preheader: string;
  /** When it went out, ISO 8601 in UTC. */
  sentAt: string;
  /** Its sent record (readSentSnapshot reads what subscribers received); absent for an issue that has none yet. */
  sent?: SentRecord;
}

/**
 * Sent issues, newest first: the only ones the public may see. `isSent` names issues sent without
 * a snapshot (the preview server asks the state store); by default there are none.
 */
export async function archivedIssues(
  paths: ContentPaths,
  content: Content | undefined,
  isSent: (id: string) => boolean = () => false,
): Promise<ArchivedIssue[]> {
  const frozen = await listSentRecords(paths);
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
  return entries.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || byCodePoint(b.id, a.id));
}

/** "2022-04-05T08:00:00Z": the instant, without milliseconds, as feeds and <time> show it. */
export function sentInstant(entry: ArchivedIssue): string {
  return new Date(entry.sentAt).toISOString().replace('.000Z', 'Z');
}

/** "5 April 2022": the day it went out, in the UK. */
export function sentDay(entry: ArchivedIssue): string {
  return ukDayOf(new Date(entry.sentAt));
}

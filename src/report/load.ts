// Everything a report needs, gathered from the sent record and the store: the issue's facts, its
// readings, where each link sits in the email as sent, the other issues' latest readings, and the
// next scheduled reading. The CLI and the studio both build their report here.
import { readSentSnapshot, type ContentPaths } from '../archive/sent.js';
import { NewsletterError } from '../errors.js';
import type { Store } from '../state/store.js';
import { linkSections } from './links.js';
import { buildReport, type IssueFacts, type IssueReport } from './model.js';
import type { ReportReading } from '../state/report-reading.js';
import { nextReading } from './schedule.js';

/** The sent issue's facts, or undefined when it has not been sent with a campaign the tool knows. */
export async function sentIssueOf(
  paths: ContentPaths,
  store: Store,
  id: string,
): Promise<(IssueFacts & { html: string; campaignId: string }) | undefined> {
  const campaignId = store.campaigns.get(id)?.campaignId;
  if (store.statuses.get(id) !== 'sent' || !campaignId) return undefined;
  const sent = await readSentSnapshot(paths, id);
  if (!sent) return undefined;
  return { issueId: id, subject: sent.snapshot.subject, sentAt: sent.sentAt, html: sent.snapshot.html, campaignId };
}

export function notSent(id: string): NewsletterError {
  return new NewsletterError(
    'report-not-sent',
    `issue ${id} has no report: it has not been sent through Mailchimp with this tool (an issue sent before the tool has no campaign to read)`,
  );
}

export async function issueReport(paths: ContentPaths, store: Store, id: string, now: Date): Promise<IssueReport> {
  const issue = await sentIssueOf(paths, store, id);
  if (!issue) throw notSent(id);
  const others: { issue: IssueFacts; latest: ReportReading }[] = [];
  for (const [other, latest] of store.reports.latestByIssue()) {
    if (other === id) continue;
    const facts = await sentIssueOf(paths, store, other);
    if (facts) others.push({ issue: { issueId: other, subject: facts.subject, sentAt: facts.sentAt }, latest });
  }
  return buildReport({
    issue: { issueId: issue.issueId, subject: issue.subject, sentAt: issue.sentAt },
    readings: store.reports.list(id),
    linkMap: linkSections(issue.html),
    others,
    nextReadingAt: nextReading(new Date(issue.sentAt), now, store.reports.slotsRead(id)),
  });
}

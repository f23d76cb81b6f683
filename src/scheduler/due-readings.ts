// The daemon's report job: for each sent issue, the reading its schedule says is due (about
// +1 h, +24 h, +7 days), read from Mailchimp and kept. "Not ready yet" and failures are tried
// again after a pause (kept in memory: a restarted daemon simply tries at once). Errors are
// logged with the issue and what failed, never thrown: one issue cannot hold up the others.
import { readSentRecord } from '../archive/sent.js';
import type { SchedulerContext } from './context.js';
import { takeReading } from '../report/fetch.js';
import { slotDue } from '../report/schedule.js';

export type ReadingResult = 'read' | 'already' | 'not-ready' | 'failed';

/** How long to wait before asking again after "not ready yet" or a failure. */
export const RETRY_MS = 15 * 60_000;

export class ReportReader {
  private readonly notBefore = new Map<string, number>();

  async readDue(ctx: SchedulerContext): Promise<Map<string, ReadingResult>> {
    const results = new Map<string, ReadingResult>();
    const now = ctx.clock();
    for (const [issue, status] of ctx.store.statuses.all()) {
      if (ctx.stopping()) break;
      const campaignId = ctx.store.campaigns.get(issue)?.campaignId;
      if (status !== 'sent' || !campaignId || (this.notBefore.get(issue) ?? 0) > now.getTime()) continue;
      const sent = await readSentRecord(ctx.paths, issue).catch(() => undefined);
      if (!sent) continue;
      const slot = slotDue(new Date(sent.sentAt), now, ctx.store.reports.slotsRead(issue));
      if (!slot) continue;
      results.set(issue, await this.readOne(ctx, issue, campaignId, slot, now));
    }
    return results;
  }

  private async readOne(
    ctx: SchedulerContext,
    issue: string,
    campaignId: string,
    slot: 'hour' | 'day' | 'week',
    now: Date,
  ): Promise<ReadingResult> {
    const fields = { issue, campaign: campaignId, slot };
    try {
      const outcome = await takeReading(ctx.mailchimp(), ctx.store, { issueId: issue, campaignId, slot, now });
      if (outcome.state === 'not-ready') {
        this.notBefore.set(issue, now.getTime() + RETRY_MS);
        ctx.log.info('report.not-ready', `${issue}: Mailchimp has no report yet; trying again in 15 min`, fields);
        return 'not-ready';
      }
      this.notBefore.delete(issue);
      const r = outcome.reading.report;
      ctx.log.info('report.read', `${issue}: report read (${slot}): ${r.emailsSent} sent, ${r.clicks.unique} clicked`, fields);
      return outcome.kept ? 'read' : 'already';
    } catch (e) {
      this.notBefore.set(issue, now.getTime() + RETRY_MS);
      const message = e instanceof Error ? e.message : String(e);
      ctx.log.error('report.failed', `${issue}: report not read: ${message}; the previous reading is kept; trying again in 15 min`, fields);
      return 'failed';
    }
  }
}

// Reading Mailchimp's report on a sent campaign, and keeping the reading. Effects: the network
// and the store. A 404 is Mailchimp's "no report yet" for a while after a send, so it is an
// answer ("not-ready"), never an error. A malformed answer throws a MailchimpError that names
// the field (the client checks every answer with zod) before anything is stored, so the
// previous reading stays as it was; the reading is stored in one statement once all three
// answers are in, so nothing is half-kept when the process dies between.
import { type MailchimpClient, MailchimpError } from '../mailchimp/index.js';
import type { Store } from '../state/store.js';
import type { ReadingSlot, ReportReading } from '../state/report-reading.js';

export type ReadingOutcome = { state: 'read'; reading: ReportReading; kept: boolean } | { state: 'not-ready' };

export interface ReadingRequest {
  issueId: string;
  campaignId: string;
  slot: ReadingSlot;
  now: Date;
}

export async function fetchReading(client: MailchimpClient, r: ReadingRequest): Promise<ReportReading | 'not-ready'> {
  let report;
  try {
    report = await client.getReport(r.campaignId);
  } catch (e) {
    if (e instanceof MailchimpError && e.failure === 'not-found') return 'not-ready';
    throw e;
  }
  const [campaign, links, domains] = await Promise.all([
    client.getCampaign(r.campaignId),
    client.getLinkClicks(r.campaignId),
    client.getDomainPerformance(r.campaignId),
  ]);
  return {
    issueId: r.issueId,
    campaignId: r.campaignId,
    slot: r.slot,
    readAt: r.now.toISOString(),
    // Mailchimp tracks everything unless told otherwise.
    tracking: campaign.tracking ?? { opens: true, htmlClicks: true, textClicks: true },
    report,
    links,
    domains,
  };
}

/** Read and keep. `kept` is false when the slot had been read meanwhile (by another daemon). */
export async function takeReading(client: MailchimpClient, store: Store, r: ReadingRequest): Promise<ReadingOutcome> {
  const reading = await fetchReading(client, r);
  if (reading === 'not-ready') return { state: 'not-ready' };
  return { state: 'read', reading, kept: store.tx(() => store.reports.add(reading)) };
}

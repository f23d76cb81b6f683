// A sent April 2022 for report tests: the scheduler world (approved, published, scheduled in the
// stand-in), followed by the daemon to sent, so its sent record and campaign are in place. Report
// figures are set the way a test outside the process would, over the stand-in's control API.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import type { ReportFigures } from '../../scripts/mailchimp-standin/reports.js';
import { daemonFor, DUE, ISSUE, publishScheduled, TestClock, world, type World } from '../scheduler/harness.js';

export { DUE, ISSUE, TestClock };

/** Links of April 2022: in its welcome (1st section), in "Would you like to join the Panel?" (5th), and in the footer. */
export const WELCOME_URL =
  'https://www.gov.uk/government/publications/national-review-into-the-murders-of-arthur-labinjo-hughes-and-star-hobson';
export const RECRUITMENT_URL = 'https://www.gov.uk/government/organisations/child-safeguarding-practice-review-panel/about/recruitment';
export const FOOTER_URL = 'https://twitter.com/CSPRPanel';

export async function sentWorld(standin: Standin, clock: TestClock): Promise<World & { daemon: ReturnType<typeof daemonFor> }> {
  clock.set('2022-04-04T10:00:00Z');
  const w = await world(clock);
  await publishScheduled(w, standin);
  const d = daemonFor(w, standin);
  clock.set(DUE);
  standin.account.advance(w.campaignId, 'sent');
  const outcome = (await d.daemon.reconcile()).get(ISSUE);
  if (outcome !== 'sent') throw new Error(`April 2022 was not followed to sent (${outcome})`);
  return Object.assign(w, { daemon: d });
}

export async function setFigures(standin: Standin, campaignId: string, figures: ReportFigures): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${standin.port}/__standin/campaigns/${campaignId}/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(figures),
  });
  if (res.status !== 204) throw new Error(`the stand-in refused the figures: ${res.status} ${await res.text()}`);
}

export const HOUR = 3_600_000;

export type SentWorld = Awaited<ReturnType<typeof sentWorld>>;

/** A stand-in for the file and a fresh sent April 2022 for each test (no campaigns, reports or faults left over). */
export function sentWorldEachTest(clock: TestClock): { standin: Standin; w: SentWorld } {
  const the = {} as { standin: Standin; w: SentWorld };
  beforeAll(async () => {
    the.standin = await startStandin({ now: clock.now });
  });
  afterAll(() => the.standin.stop());
  beforeEach(async () => {
    the.standin.account.campaigns.clear();
    the.standin.reports.clear();
    the.standin.faults.clear();
    the.w = await sentWorld(the.standin, clock);
  });
  afterEach(() => the.w.close());
  return the;
}

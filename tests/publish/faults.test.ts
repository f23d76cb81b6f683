// The fault matrix: a fault injected at every Mailchimp call publish makes, of every kind the
// stand-in injects, ends — after at most one re-run — with exactly one campaign for the issue,
// holding the approved settings and content, scheduled exactly once at the right time, and the
// store saying so. Two journeys: a first publish (create, fill, check, schedule), and a re-publish
// at a new time after the campaign was edited in Mailchimp (unschedule, update, fill, check, schedule).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultKind } from '../../scripts/mailchimp-standin/faults.js';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import type { IssueSnapshot } from '../../src/archive/snapshot.js';
import { settingsFor } from '../../src/publish/plan.js';
import { publishApproved } from '../../src/publish/sync.js';
import type { Store } from '../../src/state/store.js';
import { APRIL_SEND, approvedApril, campaignsOf, fastClient, standinNow, storeApproving } from './fixture.js';

const FAULTS: FaultKind[] = ['429-empty', '500', '503', 'hang', 'drop-after-apply'];
const LATER = new Date('2022-04-06T08:00:00Z');

const JOURNEYS = {
  first: {
    at: APRIL_SEND,
    calls: [
      'getCampaigns',
      'postCampaigns',
      'putCampaignsIdContent',
      'getCampaignsIdContent',
      'getCampaignsIdSendChecklist',
      'postCampaignsIdActionsSchedule',
    ],
  },
  again: {
    at: LATER,
    calls: [
      'getCampaignsId',
      'getCampaignsIdContent',
      'postCampaignsIdActionsUnschedule',
      'patchCampaignsId',
      'putCampaignsIdContent',
      'getCampaignsIdSendChecklist',
      'postCampaignsIdActionsSchedule',
    ],
  },
} as const;
type Journey = keyof typeof JOURNEYS;

const CASES = (Object.keys(JOURNEYS) as Journey[]).flatMap((journey) =>
  JOURNEYS[journey].calls.flatMap((call) => FAULTS.map((fault) => ({ journey, call, fault }))),
);

let standin: Standin;
let snapshot: IssueSnapshot;
let dir: string;
let schedules = 0;
const outcomes: { rerun: boolean }[] = [];
beforeAll(async () => {
  standin = await standinNow();
  const fx = await approvedApril();
  snapshot = fx.snapshot;
  await fx.close();
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-faults-'));
  // Count schedules Mailchimp carried out, however the answer fared on the way back.
  const schedule = standin.account.schedule.bind(standin.account);
  standin.account.schedule = (id, at) => {
    schedule(id, at);
    schedules++;
  };
});
afterAll(async () => {
  await standin.stop();
  await rm(dir, { recursive: true, force: true });
  console.log(`fault matrix: ${CASES.length} cases, ${outcomes.length} passed, ${outcomes.filter((o) => o.rerun).length} needed a re-run`);
});

const run = (store: Store, at: Date, timeoutMs: number) =>
  publishApproved({
    client: fastClient(standin, timeoutMs)(),
    store,
    snapshot,
    sendAt: at,
    actor: 'Ann Chair',
    dryRun: false,
    progress: () => undefined,
  });

describe('fault matrix', () => {
  it('covers every call of both journeys with every fault', () => {
    expect(CASES).toHaveLength(FAULTS.length * 13);
  });

  it.each(CASES)('$journey publish, $fault at $call', async ({ journey, call, fault }) => {
    standin.account.campaigns.clear();
    standin.faults.clear();
    const store = storeApproving(path.join(dir, `${journey}-${call}-${fault}.db`), snapshot);
    try {
      const { at } = JOURNEYS[journey];
      if (journey === 'again') {
        await run(store, APRIL_SEND, 10_000);
        // Someone edits the campaign in Mailchimp: its subject and its content.
        const c = campaignsOf(standin)[0]!;
        c.status = 'save';
        c.settings.subject_line = 'Edited in Mailchimp';
        c.content.html = '<p>edited</p>';
        c.status = 'schedule';
      }
      schedules = 0;
      const since = standin.requests.length;
      standin.faults.inject(fault, { operation: call });
      // Only a hang needs a short deadline; a long one elsewhere keeps a busy machine from timing out.
      const timeout = fault === 'hang' ? 1_500 : 10_000;
      let rerun = false;
      try {
        await run(store, at, timeout);
      } catch {
        rerun = true;
        await run(store, at, timeout);
      }

      const hit = standin.requests.slice(since).find((r) => r.operationId === call);
      expect(hit?.status, 'the fault was injected').toBe(
        { '429-empty': 429, '500': 500, '503': 503, hang: 'hung', 'drop-after-apply': 'dropped', '403-empty': 403 }[fault],
      );
      const [campaign, ...more] = campaignsOf(standin);
      expect(more).toEqual([]);
      const wanted = settingsFor(snapshot);
      expect(campaign).toMatchObject({
        status: 'schedule',
        send_time: at.toISOString().replace('.000Z', '+00:00'),
        settings: { title: wanted.title, subject_line: wanted.subjectLine, preview_text: wanted.previewText, from_name: wanted.fromName },
        content: { html: snapshot.html, plain_text: snapshot.text },
      });
      expect(schedules).toBe(1);
      expect(store.statuses.get('2022-04')).toBe('scheduled');
      expect(store.campaigns.get('2022-04')).toMatchObject({ campaignId: campaign!.id, scheduledFor: at });
      outcomes.push({ rerun });
    } finally {
      store.close();
    }
  });
});

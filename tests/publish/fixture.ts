// An approved April 2022 issue in a throwaway project, a stand-in Mailchimp on loopback, and
// clients pointed at it with short deadlines and a clock that never waits for backoff.
import path from 'node:path';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import type { IssueSnapshot } from '../../src/archive/snapshot.js';
import { MailchimpClient } from '../../src/mailchimp/index.js';
import type { PublishArgs } from '../../src/publish/publish.js';
import { openStore, type Store } from '../../src/state/store.js';
import { approve } from '../../src/workflow/approve.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';
import { fakeTiming } from '../mailchimp/helpers.js';

export const APRIL = 'content/issues/2022-04/issue.yaml';
/** A week before April's send time (2022-04-05 09:00 BST = 08:00Z). */
export const NOW = new Date('2022-03-30T10:00:00Z');
export const now = () => NOW;
export const APRIL_SEND = new Date('2022-04-05T08:00:00Z');

/** April 2022 as a draft again (its sent record removed, so sending it can be recorded anew). */
export async function draftApril(): Promise<TempProject> {
  const project = await tempProject();
  await makeDraft(project);
  return project;
}

export interface Approved {
  project: TempProject;
  store: Store;
  snapshot: IssueSnapshot;
  close(): Promise<void>;
}

/** The date `days` after the day of `sendAt` ("YYYY-MM-DD HH:MM"), as YYYY-MM-DD. */
function daysAfter(sendAt: string, days: number): string {
  const day = new Date(`${sendAt.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * April 2022, approved by Ann Chair, with its own state store. With `sendAt` ("YYYY-MM-DD HH:MM"),
 * the issue is due then instead (publish --at keeps to sendAt's day, the date the email prints),
 * and its closing and event dates keep their distance from the send (13 and 70 days after it), so
 * none has passed by then, whatever year the test picks.
 */
export async function approvedApril(sendAt?: string): Promise<Approved> {
  const project = await draftApril();
  if (sendAt !== undefined) {
    await project.edit(APRIL, /^sendAt: .*$/m, `sendAt: "${sendAt}"`);
    await project.edit(APRIL, 'closingDate: 2022-04-18', `closingDate: ${daysAfter(sendAt, 13)}`);
    await project.edit(APRIL, 'eventDates: [2022-06-14, 2022-06-15]', `eventDates: [${daysAfter(sendAt, 70)}, ${daysAfter(sendAt, 71)}]`);
  }
  const store = openStore(path.join(project.root, '.newsletter', 'state.db'), now);
  await approve(project.paths, store, { id: '2022-04', by: 'Ann Chair', now });
  const snapshot = store.approvals.approvedSnapshot('2022-04', 1)!;
  return {
    project,
    store,
    snapshot,
    async close() {
      store.close();
      await project.remove();
    },
  };
}

/** A fresh store holding only an approval of `snapshot` (no rendering: fast enough for the fault matrix). */
export function storeApproving(file: string, snapshot: IssueSnapshot): Store {
  const store = openStore(file, now);
  store.approvals.record('Ann Chair', snapshot);
  store.statuses.change(snapshot.issueId, 'draft', 'approved');
  return store;
}

export function standinNow(): Promise<Standin> {
  return startStandin({ now });
}

export const envFor = (standin: Standin): NodeJS.ProcessEnv => ({
  MAILCHIMP_API_KEY: standin.apiKey,
  MAILCHIMP_AUDIENCE_ID: standin.audienceId,
  MAILCHIMP_API_BASE: standin.baseUrl,
});

/** A client on the stand-in; backoff waits are skipped, and a hung request gives up after `timeoutMs`. */
export const fastClient =
  (standin: Standin, timeoutMs = 2_000) =>
  () =>
    new MailchimpClient({
      apiKey: standin.apiKey,
      basePath: standin.baseUrl,
      audienceId: standin.audienceId,
      timeoutMs,
      timing: fakeTiming(),
    });

/** `publish 2022-04` by Ann Chair against the stand-in, quietly; `over` changes what a test needs. */
export const publishArgs = (standin: Standin, over: Partial<PublishArgs> = {}): PublishArgs => ({
  id: '2022-04',
  dryRun: false,
  by: 'Ann Chair',
  now,
  env: envFor(standin),
  progress: () => undefined,
  client: fastClient(standin),
  ...over,
});

/** The issue's campaigns in the stand-in. */
export const campaignsOf = (standin: Standin, issueId = '2022-04') =>
  [...standin.account.campaigns.values()].filter((c) => c.settings.title === `panel-newsletter:${issueId}`);

/** Requests that change something (not GET). */
export const writes = (standin: Standin, since = 0) => standin.requests.slice(since).filter((r) => r.method !== 'GET');

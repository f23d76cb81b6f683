// A scheduler world for one test: a copy of the project whose April 2022 issue is approved but
// not sent, a state store, a clock the test moves by hand, a campaign in the stand-in synced from
// the approved snapshot (as publish leaves it), and daemons built on any store connection.
import path from 'node:path';
import { snapshotOf, type IssueSnapshot } from '../../src/archive/snapshot.js';
import { smtpTransport } from '../../src/distribute/smtp.js';
import { findIssue, loadProject, loadTemplates, renderIssue, usableContent } from '../../src/pipeline.js';
import { publishApproved } from '../../src/publish/sync.js';
import { leaseOwner } from '../../src/scheduler/clock.js';
import { DEFAULTS, type SchedulerConfig } from '../../src/scheduler/config.js';
import { Daemon } from '../../src/scheduler/daemon.js';
import { syncForDueSend } from '../../src/scheduler/publish-due.js';
import { memoryLogger } from '../../src/scheduler/log.js';
import { openStore, type Store } from '../../src/state/store.js';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';
import { clientFor } from '../mailchimp/helpers.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';

export const ISSUE = '2022-04';
/** April 2022 goes at 09:00 BST on 5 April: 08:00 UTC. */
export const DUE = new Date('2022-04-05T08:00:00Z');

export class TestClock {
  constructor(public at: Date) {}
  now = (): Date => new Date(this.at);
  set(iso: string | Date): void {
    this.at = new Date(iso);
  }
  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export interface World {
  project: TempProject;
  store: Store;
  dbFile: string;
  clock: TestClock;
  snapshot: IssueSnapshot;
  campaignId: string;
  close(): Promise<void>;
}

let rendered: { snapshot: IssueSnapshot } | undefined;

/** April 2022 approved (by Ann Chair), not yet published. */
export async function world(clock: TestClock): Promise<World> {
  const project = await tempProject();
  await makeDraft(project, ISSUE);
  if (!rendered) {
    const content = usableContent(await loadProject(project.paths), [ISSUE]);
    const issue = findIssue(content, ISSUE);
    const r = await renderIssue(content, issue, await loadTemplates(project.paths));
    rendered = { snapshot: snapshotOf(content, issue, r, new Date('2022-03-30T10:00:00Z')) };
  }
  const { snapshot } = rendered;
  const dbFile = path.join(project.root, '.newsletter', 'state.db');
  const store = openStore(dbFile, clock.now);
  store.approvals.record('Ann Chair', snapshot);
  store.statuses.change(ISSUE, 'draft', 'approved');
  return {
    project,
    store,
    dbFile,
    clock,
    snapshot,
    campaignId: '',
    async close() {
      store.close();
      await project.remove();
    },
  };
}

const publishArgs = (w: World, standin: Standin) => ({
  client: clientFor(standin),
  store: w.store,
  snapshot: w.snapshot,
  sendAt: DUE,
  actor: 'Ann Chair',
  dryRun: false,
  progress: () => undefined,
});

/** `publish 2022-04 --send-at "2022-04-05 09:00"`: the campaign synced, not scheduled; the daemon's to send. */
export async function publishDue(w: World, standin: Standin): Promise<void> {
  const r = await syncForDueSend({ ...publishArgs(w, standin), now: w.clock.now() });
  w.campaignId = r.campaignId!;
}

/** `publish 2022-04`: the campaign synced and scheduled in Mailchimp for 09:00 BST. */
export async function publishScheduled(w: World, standin: Standin): Promise<void> {
  const r = await publishApproved(publishArgs(w, standin));
  w.campaignId = r.campaignId!;
}

export interface DaemonOptions {
  store?: Store;
  config?: Partial<SchedulerConfig>;
  env?: NodeJS.ProcessEnv;
  actor?: string;
  smtpPort?: number;
}

export function daemonFor(w: World, standin: Standin, options: DaemonOptions = {}) {
  const log = memoryLogger(w.clock.now);
  const daemon = new Daemon({
    store: options.store ?? w.store,
    paths: w.project.paths,
    clock: w.clock.now,
    owner: leaseOwner(),
    actor: options.actor ?? 'daemon',
    config: { ...DEFAULTS, remindersTo: [], ...options.config },
    mailchimp: () => clientFor(standin, { timeoutMs: 5000, retry: { totalBudgetMs: 0 } }),
    transport: () => smtpTransport(`smtp://127.0.0.1:${options.smtpPort ?? 1}?tls.rejectUnauthorized=false`),
    log,
    env: options.env ?? {},
  });
  return { daemon, log };
}

/** How many times Mailchimp was asked to send a campaign. */
export const sends = (standin: Standin, campaignId: string) =>
  standin.requests.filter((r) => r.operationId === 'postCampaignsIdActionsSend' && r.path.includes(campaignId)).length;

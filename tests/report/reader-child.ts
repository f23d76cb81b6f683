// The daemon's report job in a process of its own, for the test that kills it between fetching
// and storing: node --import tsx reader-child.ts <db> <project root> <stand-in base URL> <clock ISO>
// It reads the reports that are due once and says "done <json>".
import { MailchimpClient } from '../../src/mailchimp/index.js';
import { projectPaths } from '../../src/pipeline.js';
import { leaseOwner } from '../../src/scheduler/clock.js';
import { DEFAULTS } from '../../src/scheduler/config.js';
import { Daemon } from '../../src/scheduler/daemon.js';
import { createLogger } from '../../src/scheduler/log.js';
import { openStore } from '../../src/state/store.js';
import { DEFAULT_KEY } from '../../scripts/mailchimp-standin/server.js';

const [db, root, baseUrl, at] = process.argv.slice(2) as [string, string, string, string];
const clock = () => new Date(at);
const store = openStore(db, clock);
const daemon = new Daemon({
  store,
  paths: projectPaths(root),
  clock,
  owner: leaseOwner(),
  actor: 'daemon',
  config: { ...DEFAULTS, remindersTo: [] },
  mailchimp: () => new MailchimpClient({ apiKey: DEFAULT_KEY, basePath: baseUrl, audienceId: 'a1b2c3d4e5', retry: { totalBudgetMs: 0 } }),
  transport: () => {
    throw new Error('no reminders here');
  },
  log: createLogger((line) => process.stderr.write(`${line}\n`), { tty: false, clock }),
  env: {},
});
void daemon.readReports().then((r) => {
  process.stdout.write(`done ${JSON.stringify([...r])}\n`);
  store.close();
});

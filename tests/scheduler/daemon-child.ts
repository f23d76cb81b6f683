// A daemon in a process of its own, for the tests that kill one or race two:
//   node --import tsx daemon-child.ts <db> <project root> <stand-in base URL> <clock ISO> [<stop grace ms>] [<job>]
// It says "ready <owner>" and waits for a line on stdin; then it ticks once (or runs <job>, e.g. reports) and
// waits to be killed or signalled. On SIGTERM it says "stopping", stops as the real command does
// (with the grace given), says "stopped <how>" and exits 0.
import { MailchimpClient } from '../../src/mailchimp/index.js';
import { projectPaths } from '../../src/pipeline.js';
import { leaseOwner } from '../../src/scheduler/clock.js';
import { DEFAULTS } from '../../src/scheduler/config.js';
import { Daemon } from '../../src/scheduler/daemon.js';
import { createLogger } from '../../src/scheduler/log.js';
import { openStore } from '../../src/state/store.js';
import { DEFAULT_KEY } from '../../scripts/mailchimp-standin/server.js';

const [db, root, baseUrl, at, grace = '300', job = 'tick'] = process.argv.slice(2) as [string, string, string, string, string?, string?];
const clock = () => new Date(at);
const store = openStore(db, clock);
const owner = leaseOwner();
const daemon = new Daemon({
  store,
  paths: projectPaths(root),
  clock,
  owner,
  actor: 'daemon',
  config: { ...DEFAULTS, remindersTo: [] },
  mailchimp: () => new MailchimpClient({ apiKey: DEFAULT_KEY, basePath: baseUrl, audienceId: 'a1b2c3d4e5', retry: { totalBudgetMs: 0 } }),
  transport: () => {
    throw new Error('no reminders here');
  },
  log: createLogger((line) => process.stderr.write(`${line}\n`), { tty: false, clock }),
  env: {},
});
const say = (line: string) => process.stdout.write(`${line}\n`);

process.once('SIGTERM', () => {
  say('stopping');
  void daemon.stop(Number(grace)).then((how) => {
    store.close();
    say(`stopped ${how}`);
    process.exit(0);
  });
});
say(`ready ${owner}`);
process.stdin.once('data', () => {
  void daemon.run(job as Parameters<Daemon['run']>[0]).then(() => say('ticked'));
});

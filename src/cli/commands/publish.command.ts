// `newsletter publish`: plan, then sync the Mailchimp campaign and schedule it; the work is in publish/.
import { type Command, flag, text } from '../command.js';
import { UsageError } from '../io.js';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'make the approved issue one Mailchimp campaign and schedule it for its UK send time (prints the plan first)',
  usage: ['publish <id> [--at "YYYY-MM-DD HH:MM"] [--dry-run] [--by "Name"]'],
  options: {
    at: { type: 'string', value: '"YYYY-MM-DD HH:MM"', description: "UK send time on the quarter-hour (default: the issue's sendAt)" },
    'dry-run': { type: 'boolean', description: 'print the plan and change nothing' },
    by: { type: 'string', value: '<name>', description: 'who publishes it, for the audit log (default: your user name)' },
  },
  example: [
    'newsletter publish 2022-05 --dry-run              # what would change in Mailchimp',
    'newsletter publish 2022-05 --at "2022-05-03 09:00"',
  ],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter publish 2022-05`');
    const [{ publish }, { describePlan }, { projectPaths }, { openStateStore }, { ukInstant }, { userInfo }] = await Promise.all([
      import('../../publish/publish.js'),
      import('../../publish/describe.js'),
      import('../../pipeline.js'),
      import('../store.js'),
      import('../../render/dates.js'),
      import('node:os'),
    ]);
    const store = openStateStore(context.root, context.env);
    try {
      const dryRun = flag(context, 'dry-run');
      const r = await publish(projectPaths(context.root), store, {
        id,
        at: text(context, 'at'),
        dryRun,
        by: text(context, 'by') ?? userInfo().username,
        now: () => new Date(),
        env: context.env,
        progress: (line) => context.io.err(line),
        onPlan: (plan, remote) => context.io.out(describePlan(plan, remote)),
      });
      if (dryRun) context.io.out('Dry run: nothing was changed.');
      else
        context.io.out(
          `${id} is scheduled in Mailchimp for ${ukInstant(r.sendAt)}: campaign ${r.campaignId}, content ${r.hash.slice(0, 12)}.`,
        );
      return 0;
    } finally {
      store.close();
    }
  },
};

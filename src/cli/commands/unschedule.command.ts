// `newsletter unschedule`: take the Mailchimp campaign back to paused; the work is in publish/unschedule.ts.
import { type Command, text } from '../command.js';
import { UsageError } from '../io.js';

export const unscheduleCommand: Command = {
  name: 'unschedule',
  summary: 'take the Mailchimp campaign back to paused; the issue is approved again, not scheduled',
  usage: ['unschedule <id> [--by "Name"]'],
  options: {
    by: { type: 'string', value: '<name>', description: 'who unschedules it, for the audit log (default: your user name)' },
  },
  example: ['newsletter unschedule 2022-05'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter unschedule 2022-05`');
    const [{ unschedule }, { withStateStore }, { userInfo }] = await Promise.all([
      import('../../publish/unschedule.js'),
      import('../store.js'),
      import('node:os'),
    ]);
    return withStateStore(context, async (store) => {
      const r = await unschedule(store, {
        id,
        by: text(context, 'by') ?? userInfo().username,
        env: context.env,
        progress: (line) => context.io.err(line),
      });
      context.io.out(
        r.unscheduled
          ? `Campaign ${r.campaignId} is no longer scheduled; ${id} is ${r.status}. Publish it again to schedule it.`
          : `${r.campaignId ? `Campaign ${r.campaignId} was not scheduled in Mailchimp` : `Mailchimp has no campaign for ${id}`}; ${id} is ${r.status}.`,
      );
      return 0;
    });
  },
};

// `newsletter publish`: plan, then sync the Mailchimp campaign and schedule it; the work is in publish/.
import { type Command, flag, text } from '../command.js';
import { UsageError } from '../io.js';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'make the approved issue one Mailchimp campaign and schedule it for its UK send time (prints the plan first)',
  usage: [
    'publish <id> [--at "YYYY-MM-DD HH:MM"] [--dry-run] [--by "Name"]',
    'publish <id> --send-at "YYYY-MM-DD HH:MM" [--dry-run] [--by "Name"]',
    'publish <id> --now [--by "Name"]',
  ],
  options: {
    at: {
      type: 'string',
      value: '"YYYY-MM-DD HH:MM"',
      description: "UK send time on the quarter-hour, on sendAt's day (default: the issue's sendAt)",
    },
    'send-at': {
      type: 'string',
      value: '"YYYY-MM-DD HH:MM"',
      description:
        "for accounts that cannot schedule: sync the campaign, and `newsletter daemon` sends it at this UK time (on sendAt's day)",
    },
    now: { type: 'boolean', description: 'send a due send at once (confirms one held as too late); the daemon will not send it too' },
    'dry-run': { type: 'boolean', description: 'print the plan and change nothing' },
    by: {
      type: 'string',
      value: '<name>',
      description: 'who publishes it, recorded in the audit log (without it, your login name is recorded)',
    },
  },
  example: [
    'newsletter publish 2022-05 --dry-run              # what would change in Mailchimp',
    'newsletter publish 2022-05 --at "2022-05-05 11:00"        # later on the day of sendAt',
    'newsletter publish 2022-05 --send-at "2022-05-05 09:00"   # the daemon sends it',
    'newsletter publish 2022-05 --now                          # send a held due send now',
  ],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter publish 2022-05`');
    const sendAt = text(context, 'send-at');
    const given = [text(context, 'at') && '--at', sendAt && '--send-at', flag(context, 'now') && '--now'].filter(Boolean);
    if (given.length > 1) throw new UsageError(`give one of ${given.join(' and ')}, not both`);
    if (flag(context, 'now')) {
      if (flag(context, 'dry-run')) throw new UsageError('--now sends; it has no dry run — see `newsletter status` instead');
      const { confirmDueSend } = await import('./publish-now.js');
      return confirmDueSend(context, id);
    }
    const [{ publish }, { describePlan }, { projectPaths }, { withStateStore }, { ukInstant }, { userInfo }, { validActor }] =
      await Promise.all([
        import('../../publish/publish.js'),
        import('../../publish/describe.js'),
        import('../../pipeline.js'),
        import('../store.js'),
        import('../../time/uk.js'),
        import('node:os'),
        import('../../workflow/current.js'),
      ]);
    return withStateStore(context, async (store) => {
      const dryRun = flag(context, 'dry-run');
      const r = await publish(projectPaths(context.root), store, {
        id,
        at: sendAt ?? text(context, 'at'),
        ...(sendAt !== undefined ? { dueSend: (await import('../../scheduler/publish-due.js')).syncForDueSend } : {}),
        dryRun,
        by: validActor(text(context, 'by') ?? userInfo().username, 'publishes it'),
        now: context.now,
        env: context.env,
        progress: (line) => context.io.err(line),
        onPlan: (plan, remote, audience) => context.io.out(describePlan(plan, remote, audience)),
      });
      if (dryRun) context.io.out('Dry run: nothing was changed.');
      else if (sendAt !== undefined)
        context.io.out(
          `${id} is ready in Mailchimp (campaign ${r.campaignId}, content ${r.hash.slice(0, 12)}) and due at ${ukInstant(r.sendAt)}: \`newsletter daemon\` sends it then.`,
        );
      else
        context.io.out(
          `${id} is scheduled in Mailchimp for ${ukInstant(r.sendAt)}: campaign ${r.campaignId}, content ${r.hash.slice(0, 12)}.`,
        );
      return 0;
    });
  },
};

// `newsletter unapprove`: withdraw an issue's approval; the work is in workflow/approve.ts.
import { type Command, flag, text } from '../command.js';
import { UsageError } from '../io.js';

export const unapproveCommand: Command = {
  name: 'unapprove',
  summary: 'withdraw the approval of an issue (it goes back to draft)',
  usage: ['unapprove <id> [--by "Name"] [--json]'],
  options: {
    by: { type: 'string', value: '<name>', description: 'who withdraws it, for the audit log (default: your user name)' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  example: ['newsletter unapprove 2022-05 --by "Ann Chair"'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter unapprove 2022-05`');
    const [{ unapprove }, { withStateStore }, { userInfo }] = await Promise.all([
      import('../../workflow/approve.js'),
      import('../store.js'),
      import('node:os'),
    ]);
    return withStateStore(context, async (store) => {
      const r = unapprove(store, { id, by: text(context, 'by') ?? userInfo().username, now: context.now });
      if (flag(context, 'json')) context.io.out(JSON.stringify(r, null, 2));
      else
        context.io.out(
          r.withdrawn
            ? `Withdrew ${r.withdrawn} approval${r.withdrawn === 1 ? '' : 's'} of ${id}; it is a draft again.`
            : `${id} had no approval to withdraw.`,
        );
      return 0;
    });
  },
};

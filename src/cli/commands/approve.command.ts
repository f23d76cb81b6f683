// `newsletter approve`: approve the current rendered content (its hash); the work is in workflow/approve.ts.
import { type Command, flag, text } from '../command.js';
import { UsageError } from '../io.js';

export const approveCommand: Command = {
  name: 'approve',
  summary: 'approve the issue as it renders now (its content hash); only when check finds no errors',
  usage: ['approve <id> --by "Name" [--json]'],
  options: {
    by: { type: 'string', value: '<name>', description: 'who approves it' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  example: ['newsletter approve 2022-05 --by "Ann Chair"'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter approve 2022-05 --by "Ann Chair"`');
    const [{ approve }, { projectPaths }, { withStateStore }] = await Promise.all([
      import('../../workflow/approve.js'),
      import('../../pipeline.js'),
      import('../store.js'),
    ]);
    return withStateStore(context, async (store) => {
      const r = await approve(projectPaths(context.root), store, { id, by: text(context, 'by') ?? '', now: context.now });
      if (flag(context, 'json')) context.io.out(JSON.stringify(r, null, 2));
      else {
        const people = r.approval.state === 'none' ? [] : [...new Set(r.approval.approvals.map((a) => a.approver))];
        const more = r.approval.needed - people.length;
        context.io.out(
          `${r.already ? `${r.approver} had already approved` : `${r.approver} approved`} ${id} (content ${r.hash.slice(0, 12)}). ` +
            (more > 0
              ? `${more} more approver${more === 1 ? '' : 's'} needed (newsletter.yaml approvals: ${r.approval.needed}).`
              : `${id} is ${r.status}.`),
        );
      }
      return 0;
    });
  },
};

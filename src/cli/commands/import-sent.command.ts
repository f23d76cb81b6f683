// `newsletter import-sent`: record an issue sent before this tool; the work is in workflow/import-sent.ts.
import { type Command, text } from '../command.js';
import { UsageError } from '../io.js';

export const importSentCommand: Command = {
  name: 'import-sent',
  summary: 'record an issue that went out before this tool as sent (its sent record and the audit log)',
  usage: ['import-sent <id> --by "Name"'],
  options: { by: { type: 'string', value: '<name>', description: 'who records it' } },
  example: ['newsletter import-sent 2021-12 --by "Ann Chair"   # December 2021, sent with Mailchimp by hand'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter import-sent 2021-12 --by "Ann Chair"`');
    const [{ importSent }, { projectPaths }, { withStateStore }, { ukInstant }] = await Promise.all([
      import('../../workflow/import-sent.js'),
      import('../../pipeline.js'),
      import('../store.js'),
      import('../../time/uk.js'),
    ]);
    return withStateStore(context, async (store) => {
      const r = await importSent(projectPaths(context.root), store, { id, by: text(context, 'by') ?? '', now: context.now });
      context.io.out(`${id} is recorded as sent on ${ukInstant(r.sentAt)}, from today's render, in ${r.record}; the audit log names you.`);
      return 0;
    });
  },
};

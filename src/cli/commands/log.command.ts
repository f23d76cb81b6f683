// `newsletter log`: the append-only audit trail; the work is in the state store's audit log.
import { type Command, flag } from '../command.js';

export const log: Command = {
  name: 'log',
  summary: 'the audit trail of an issue (or all): when, who, and what they did, one line each',
  usage: ['log [<id>] [--json]'],
  options: { json: { type: 'boolean', description: 'print the full records as JSON, for machines' } },
  example: ['newsletter log 2022-05'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (extra.length) throw new (await import('../io.js')).UsageError('give one issue id, or none for everything');
    const [{ auditTrail }, { describeAuditEntry }, { withStateStore }] = await Promise.all([
      import('../../workflow/status-report.js'),
      import('../../workflow/audit-words.js'),
      import('../store.js'),
    ]);
    return withStateStore(context, async (store) => {
      const entries = auditTrail(store, id);
      if (flag(context, 'json')) return (context.io.out(JSON.stringify(entries, null, 2)), 0);
      if (entries.length === 0) return (context.io.out(id ? `Nothing recorded for ${id} yet.` : 'Nothing recorded yet.'), 0);
      context.io.out(entries.map(describeAuditEntry).join('\n'));
      return 0;
    });
  },
};

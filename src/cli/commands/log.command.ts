// `newsletter log`: the append-only audit trail; the work is in the state store's audit log.
import { type Command, flag } from '../command.js';

export const log: Command = {
  name: 'log',
  summary: 'the audit trail of an issue (or all): when, who, and what they did, one line each',
  usage: ['log [<id>] [--json]', 'log --verify'],
  options: {
    json: { type: 'boolean', description: 'print the full records as JSON, for machines' },
    verify: {
      type: 'boolean',
      description: 'check the chain of seals: that no entry was changed, removed or slipped in outside newsletter',
    },
  },
  example: ['newsletter log 2022-05', 'newsletter log --verify'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (extra.length) throw new (await import('../io.js')).UsageError('give one issue id, or none for everything');
    const [{ auditTrail }, { auditChainWords, describeAuditEntry }, { withStateStore }] = await Promise.all([
      import('../../workflow/status-report.js'),
      import('../../workflow/audit-words.js'),
      import('../store.js'),
    ]);
    return withStateStore(context, async (store) => {
      if (flag(context, 'verify')) {
        const chain = store.audit.verify();
        if (flag(context, 'json')) context.io.out(JSON.stringify(chain, null, 2));
        else (chain.intact ? context.io.out : context.io.err)(auditChainWords(chain));
        return chain.intact ? 0 : 1;
      }
      const entries = auditTrail(store, id);
      if (flag(context, 'json')) return (context.io.out(JSON.stringify(entries, null, 2)), 0);
      if (entries.length === 0) return (context.io.out(id ? `Nothing recorded for ${id} yet.` : 'Nothing recorded yet.'), 0);
      context.io.out(entries.map(describeAuditEntry).join('\n'));
      return 0;
    });
  },
};

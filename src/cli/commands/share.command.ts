// `newsletter share`: what it takes and says in its help; the work is in share.ts, loaded when it runs.
import { type Command, flag, text } from '../command.js';

export const share: Command = {
  name: 'share',
  summary: 'print a signed preview link to a draft for partners, or withdraw the links',
  usage: ['share <id> [--expires 7d]', 'share --revoke <id>'],
  options: {
    expires: {
      type: 'string',
      value: '<duration>',
      description: 'how long the link works: 30m, 12h, 7d (or "7 days") or 2w (default 7d, at most 90 days)',
    },
    revoke: { type: 'boolean', description: 'withdraw every link to the issue instead' },
    by: { type: 'string', value: '<name>', description: 'your name, for the audit log (default: the user running the tool)' },
  },
  example: ['newsletter share 2022-05 --expires 14d', 'newsletter share --revoke 2022-05'],
  async run(context) {
    const [{ shareCommand }, { projectPaths }] = await Promise.all([import('./share.js'), import('../../pipeline.js')]);
    const args = {
      ids: context.positionals,
      expires: text(context, 'expires'),
      revoke: flag(context, 'revoke'),
      by: text(context, 'by'),
      now: context.now(),
    };
    return shareCommand(projectPaths(context.root), args, context.io, context.env);
  },
};

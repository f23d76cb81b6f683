// `newsletter check`: what it takes and says in its help; the work is in check.ts, loaded when it runs.
import { type Command, flag } from '../command.js';

export const check: Command = {
  name: 'check',
  summary: 'run every check on an issue; exit 1 when any finding is an error',
  usage: ['check <id> [--json] [--online]'],
  options: {
    json: { type: 'boolean', description: 'print the report as JSON, for machines' },
    online: { type: 'boolean', description: 'also request every link to find broken ones (needs the internet)' },
  },
  example: ['newsletter check 2022-04          # the report, grouped by section', 'newsletter check 2022-04 --json   # the same as JSON'],
  async run(context) {
    // SpamAssassin takes longer to start than the render: it is started first, before the render's
    // modules load (awaiting its small module first, so nothing heavy runs before the start).
    const { findSpamAssassin } = await import('../../check/spamassassin.js');
    const spamAssassin = context.positionals.length === 1 ? findSpamAssassin('spamassassin', { env: context.env }) : undefined;
    const [{ checkCommand }, { projectPaths }] = await Promise.all([import('./check.js'), import('../../pipeline.js')]);
    const args = { ids: context.positionals, json: flag(context, 'json'), online: flag(context, 'online'), now: context.now() };
    return checkCommand(projectPaths(context.root), args, context.io, context.env, spamAssassin);
  },
};

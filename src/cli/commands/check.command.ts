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
    // SpamAssassin takes longer to start than the render: bin/newsletter.cjs starts it before the code
    // loads. Called otherwise (tests, lib/cli/main.js), it is started first here, before the render's
    // modules load (awaiting its small module first, so nothing heavy runs before the start).
    const spamAssassin =
      context.positionals.length !== 1
        ? undefined
        : (context.started?.spamAssassin ??
          (await import('../../check/spamassassin.js')).findSpamAssassin('spamassassin', { env: context.env }));
    const [{ checkCommand }, { projectPaths }] = await Promise.all([import('./check.js'), import('../../pipeline.js')]);
    const args = { ids: context.positionals, json: flag(context, 'json'), online: flag(context, 'online'), now: context.now() };
    return checkCommand(projectPaths(context.root), args, context.io, context.env, spamAssassin, context.started?.helper);
  },
};

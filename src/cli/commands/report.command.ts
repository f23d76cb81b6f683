// `newsletter report`: what readers did with a sent issue, from Mailchimp's aggregate report;
// the work is in report/ (the readings the daemon keeps, or one taken now with --refresh).
import { type Command, flag } from '../command.js';
import { UsageError } from '../io.js';

export const report: Command = {
  name: 'report',
  summary: "what readers did with a sent issue: Mailchimp's figures, clicks per link and section, earlier issues",
  usage: ['report <id> [--refresh] [--json | --csv]'],
  options: {
    refresh: { type: 'boolean', description: 'read Mailchimp now (otherwise the readings the daemon keeps are shown)' },
    json: { type: 'boolean', description: 'print as JSON' },
    csv: { type: 'boolean', description: 'print the clicks per link as CSV' },
  },
  example: ['newsletter report 2022-05', 'newsletter report 2022-05 --refresh', 'newsletter report 2022-05 --csv > 2022-05-links.csv'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue, e.g. `newsletter report 2022-05`');
    if (flag(context, 'json') && flag(context, 'csv')) throw new UsageError('give --json or --csv, not both');
    const [{ issueReport }, { reportLines, linksCsv }, { projectPaths }, { withStateStore }] = await Promise.all([
      import('../../report/load.js'),
      import('../../report/text.js'),
      import('../../pipeline.js'),
      import('../store.js'),
    ]);
    const paths = projectPaths(context.root);
    return withStateStore(context, async (store) => {
      if (flag(context, 'refresh')) {
        const { refreshReport } = await import('../../report/refresh.js');
        const progress = (line: string) => context.io.err(line);
        const outcome = await refreshReport(paths, store, { id, env: context.env, now: context.now(), progress });
        if (outcome.state === 'not-ready') context.io.err('Mailchimp has no report on it yet (not ready yet); showing what is kept.');
      }
      const r = await issueReport(paths, store, id, context.now());
      if (flag(context, 'json')) context.io.out(JSON.stringify(r, null, 2));
      else if (flag(context, 'csv')) context.io.out(linksCsv(r).replace(/\r\n$/, ''));
      else context.io.out(reportLines(r));
      return 0;
    });
  },
};

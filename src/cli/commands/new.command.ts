// `newsletter new`: start an issue from the previous one; the work is in workflow/new-issue.ts.
import { type Command, text } from '../command.js';
import { UsageError } from '../io.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'start an issue from the previous one (shared sections carried over, dates moved on)',
  usage: ['new <id> [--from <id>]'],
  options: { from: { type: 'string', value: '<id>', description: 'the issue to start from (default: the latest before <id>)' } },
  example: ['newsletter new 2022-05                  # from the latest issue before May 2022', 'newsletter new 2022-07 --from 2022-04'],
  async run(context) {
    const [id, ...extra] = context.positionals;
    if (!id || extra.length) throw new UsageError('say which one issue to start, e.g. `newsletter new 2022-05`');
    const [{ newIssue }, { projectPaths }] = await Promise.all([import('../../workflow/new-issue.js'), import('../../pipeline.js')]);
    const result = await newIssue(projectPaths(context.root), { id, from: text(context, 'from'), now: context.now });
    context.io.out(
      [
        `Started ${result.id} from ${result.from}: ${result.file}`,
        `Carried over: ${result.carried.join(', ')}`,
        ...(result.dropped.length ? [`Not carried over: ${result.dropped.join('; ')}`] : []),
        'Review before sending:',
        ...result.review.map((r) => `  - ${r}`),
        `Then run \`newsletter check ${result.id}\`.`,
      ].join('\n'),
    );
    return 0;
  },
};

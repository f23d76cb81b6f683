import type { LinkFetcher, SpamAssassin } from '../../check/context.js';
import type { StartedHelper } from '../../check/helper-thread.js';
import { findSpamAssassin } from '../../check/spamassassin.js';
import { checkIssue, type ProjectPaths } from '../../pipeline.js';
import { EXIT } from '../errors.js';
import { type Io, UsageError } from '../io.js';
import { formatReport } from '../report.js';

export async function checkCommand(
  paths: ProjectPaths,
  args: { ids: string[]; json: boolean; online?: boolean; now: Date },
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
  /** SpamAssassin, when the caller has started looking for it already. */
  found?: Promise<SpamAssassin | undefined>,
  /** The check's helper thread, when the caller has started it already (src/check/helper-thread.ts). */
  helper?: StartedHelper,
): Promise<number> {
  if (args.ids.length !== 1) throw new UsageError('say which issue to check, e.g. `newsletter check 2022-04`');
  const options = {
    fetch: args.online ? (fetch as LinkFetcher) : undefined,
    spamAssassin: await (found ?? findSpamAssassin('spamassassin', { env })),
    now: args.now,
  };
  const { report } = await checkIssue(paths, args.ids[0]!, options, helper);
  io.out(args.json ? JSON.stringify(report, null, 2) : formatReport(report, { color: io.color }));
  return report.errors > 0 ? EXIT.wrong : EXIT.ok;
}

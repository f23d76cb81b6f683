// `newsletter share <id> [--expires 7d]` prints a signed link to one draft for partners;
// `newsletter share --revoke <id>` withdraws every link to it. The secret is never printed.
import { ISSUE_ID } from '../../content/load.js';
import { ukDateTime } from '../../render/dates.js';
import { previewSecret } from '../../preview/config.js';
import { londonLocal } from '../../preview/pages/share.js';
import { runningServers, shareAddress } from '../../preview/running.js';
import { makeShareLink } from '../../preview/share.js';
import { parseDuration } from '../../preview/share-token.js';
import { findIssue, loadProject, loadTemplates, type ProjectPaths, renderIssue, usableContent } from '../../pipeline.js';
import { readStatuses } from '../../workflow/sent-status.js';
import { EXIT } from '../errors.js';
import { type Io, UsageError } from '../io.js';
import { stateDbPath } from '../../state/store.js';
import { openStateStore } from '../store.js';
import { configured } from './serve.js';

export interface ShareArgs {
  ids: string[];
  expires?: string;
  revoke: boolean;
  now?: Date;
}

export async function shareCommand(paths: ProjectPaths, args: ShareArgs, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [id, ...extra] = args.ids;
  if (!id || extra.length)
    throw new UsageError('say which one issue, e.g. `newsletter share 2022-05 --expires 7d` or `newsletter share --revoke 2022-05`');
  if (!ISSUE_ID.test(id)) throw new UsageError(`"${id}" is not an issue id — issue ids look like 2022-05`);
  const seconds = parseDuration(args.expires ?? '7d');
  if (seconds === undefined)
    throw new UsageError(`--expires "${args.expires}" is not a duration — use a number and a unit: 30m, 12h, 7d or 2w (at most 90 days)`);
  const now = args.now ?? new Date();
  const db = stateDbPath(paths.root, env);
  const store = openStateStore(paths.root, env, () => now);
  try {
    if (args.revoke) {
      const n = store.shareLinks.revokeAll(id);
      io.out(
        n
          ? `Withdrew ${n} link${n === 1 ? '' : 's'} to ${id}; they now show "This preview link does not work".`
          : `There were no live links to ${id}.`,
      );
      return EXIT.ok;
    }
    const secret = configured(() => previewSecret(paths.root, env));
    // PUBLIC_URL, else the server running now that would accept the link: not a port guessed.
    const { base, note } = configured(() => shareAddress(env, runningServers(paths.root), { db, secret }));
    const project = await loadProject(paths);
    const content = usableContent(project, [id]);
    const issue = findIssue(content, id);
    if ((await readStatuses(store, paths)).get(id) === 'sent')
      throw new UsageError(`${id} has been sent — share its public page instead: ${base}/archive/${id}/`);
    const rendered = await renderIssue(project.content!, issue, await loadTemplates(paths));
    const link = makeShareLink(store, secret, { issue: id, hash: rendered.hash, seconds, now, publicUrl: base });
    io.out(`Preview link to the draft ${id}, valid until ${ukDateTime(londonLocal(link.expiresAt))}:\n${link.url}`);
    if (note) io.out(`(${note})`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

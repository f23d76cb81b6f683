// `newsletter share <id> [--expires 7d]` prints a signed link to one draft for partners;
// `newsletter share --revoke <id>` withdraws every link to it. The secret is never printed.
import { userInfo } from 'node:os';
import { ISSUE_ID } from '../../content/load.js';
import { previewSecret } from '../../http/config.js';
import { runningServers } from '../../http/running.js';
import { shareAddress } from '../../share/address.js';
import { shareDraft, withdrawShareLinks } from '../../share/share.js';
import { parseDuration } from '../../share/share-token.js';
import type { ProjectPaths } from '../../pipeline.js';
import { validActor } from '../../workflow/current.js';
import { EXIT } from '../errors.js';
import { type Io, UsageError } from '../io.js';
import { stateDbPath } from '../../state/store.js';
import { openStateStore } from '../store.js';
import { configured } from './serve.js';

export interface ShareArgs {
  ids: string[];
  expires?: string;
  revoke: boolean;
  /** Who makes or withdraws the links, for the audit log (default: the user running the tool). */
  by?: string;
  /** The command's clock. */
  now: Date;
}

export async function shareCommand(paths: ProjectPaths, args: ShareArgs, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [id, ...extra] = args.ids;
  if (!id || extra.length)
    throw new UsageError('say which one issue, e.g. `newsletter share 2022-05 --expires 7d` or `newsletter share --revoke 2022-05`');
  if (!ISSUE_ID.test(id)) throw new UsageError(`"${id}" is not an issue id — issue ids look like 2022-05`);
  const seconds = parseDuration(args.expires ?? '7d');
  if (seconds === undefined)
    throw new UsageError(
      `--expires "${args.expires}" is not a duration — use a number and a unit: 30m, 12h, 7d or "7 days", 2w (at most 90 days)`,
    );
  const { now } = args;
  const by = validActor(args.by ?? userInfo().username, args.revoke ? 'withdraws the links' : 'makes the link');
  const db = stateDbPath(paths.root, env);
  const store = openStateStore(paths.root, env, () => now);
  try {
    if (args.revoke) {
      io.out(withdrawShareLinks(store, id, by));
      return EXIT.ok;
    }
    const secret = configured(() => previewSecret(paths.root, env));
    // PUBLIC_URL, else the server running now that would accept the link: not a port guessed.
    const address = configured(() => shareAddress(env, runningServers(paths.root), { db, secret }));
    const link = await shareDraft(paths, store, secret, { id, seconds, now, address, by });
    io.out(`${link.headline}:\n${link.url}`);
    if (link.note) io.out(`(${link.note})`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

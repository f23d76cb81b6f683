// `newsletter serve [--port 4000] [--public]`: the studio with live reload on loopback, or with
// --public only the archive, the feed and share pages (to put behind a reverse proxy).
import { PreviewConfigError, previewSecret, publicUrl } from '../../http/config.js';
import { startPreview } from '../../server/server.js';
import type { ProjectPaths } from '../../pipeline.js';
import { EXIT } from '../errors.js';
import { type Io, UsageError } from '../io.js';
import { stateDbPath } from '../../state/store.js';
import { openStateStore } from '../store.js';
import { type TeamConfig, TeamConfigError, teamConfig } from '../../team/config.js';
import { keepYoungGenerationSmall } from '../../workspace/young-generation.js';

export interface ServeArgs {
  port?: string;
  public: boolean;
  /** The studio for the team, behind sign-in (src/team). */
  team?: boolean;
  /** Resolves when the server should stop; by default on Ctrl-C or SIGTERM. */
  until?: Promise<unknown>;
  /** The command's clock (the server's, and the store's). */
  now?: () => Date;
}

export async function serveCommand(paths: ProjectPaths, args: ServeArgs, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const port = parsePort(args.port ?? env.PORT ?? '4000');
  if (args.public && args.team) throw new UsageError('choose one: --public serves readers, --team serves the studio to the team');
  // Checked before anything opens: the team studio never starts half configured.
  const team = args.team ? configuredTeam(env) : undefined;
  const base = env.PUBLIC_URL ? configured(() => publicUrl(env, port)) : undefined;
  const db = stateDbPath(paths.root, env);
  const secret = configured(() => previewSecret(paths.root, env));
  const store = openStateStore(paths.root, env, args.now);
  // The studio runs for hours: its young generation keeps its first size (workspace/young-generation.ts).
  const letYoungGenerationGrow = keepYoungGenerationSmall();
  try {
    const server = await startPreview({
      paths,
      store,
      secret,
      announce: { db },
      mode: args.public ? 'public' : 'studio',
      ...(team ? { team: { config: team } } : {}),
      env,
      port,
      publicUrl: base,
      now: args.now,
      onError: (e) => io.err(`newsletter serve: ${e instanceof Error ? e.message : String(e)}`),
      onChange: (issues, problems) =>
        io.out(
          problems.length
            ? `changed — ${problems.length} problem${problems.length === 1 ? '' : 's'}, showing the last good version:\n  ${problems.join('\n  ')}`
            : `updated ${issues === 'all' ? 'every issue' : issues.join(', ')}`,
        ),
    }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        throw new UsageError(`port ${port} is already in use — stop the other server, or run \`newsletter serve --port ${port + 1}\``);
      throw e;
    });
    const problems = server.workspace.problems('all');
    io.out(
      args.public
        ? `Public archive: ${server.url}/archive/ (drafts and the studio are not served)`
        : team
          ? `Team studio: ${team.studioUrl}/ (listening on ${server.url}, for the reverse proxy; ${store.team.list().length} on the team)`
          : `Preview studio: ${server.url}/`,
    );
    if (team && store.team.admins() === 0) io.out('No admin is on the team yet: add one with `newsletter team add <email> --role admin`.');
    if (problems.length)
      io.out(
        `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the studio shows them:\n  ${problems.join('\n  ')}`,
      );
    io.out('Press Ctrl-C to stop.');
    await (args.until ?? stopSignal());
    await server.close();
    return EXIT.ok;
  } finally {
    letYoungGenerationGrow();
    store.close();
  }
}

function configuredTeam(env: NodeJS.ProcessEnv): TeamConfig {
  try {
    return teamConfig(env);
  } catch (e) {
    if (e instanceof TeamConfigError) throw new UsageError(e.message, 'see "Hosting the studio for the team" in the README');
    throw e;
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port > 65535)
    throw new UsageError(`"${text}" is not a port number — use e.g. --port 4000 (or 0 for any free port)`);
  return port;
}

/** A configuration mistake is the user's to fix (exit 1), not a failure of the tool. */
export function configured<T>(get: () => T): T {
  try {
    return get();
  } catch (e) {
    if (e instanceof PreviewConfigError) throw new UsageError(e.message);
    throw e;
  }
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

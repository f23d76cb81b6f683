// The preview server: node:http on 127.0.0.1, the workspace kept live by the file watcher, and
// open studio pages told of changes through server-sent events. Routes (and which methods each
// takes) are in routes.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smtpTransport } from '../distribute/smtp.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { pagePolicy } from '../http/csp.js';
import { HTML, notFound, requestPath, send } from '../http/http.js';
import { EventHub, watchFolders } from '../http/live.js';
import { messagePage } from '../page/frame.js';
import { projectEnv } from '../http/project-env.js';
import type { ActionSettings } from '../studio/actions.js';
import type { PersonOf } from '../http/person.js';
import type { RouteContext } from './route-context.js';
import { route } from './routes.js';
import { takeInChanges } from './take-in.js';
import { studioState } from '../studio/routes.js';
import { announceServer, secretId } from '../http/running.js';
import { mayChangeSentRecords, readStatuses } from '../workflow/sent-status.js';
import { assertStrongSecret } from '../share/share-token.js';
import { Workspace } from '../workspace/workspace.js';
import { noticeScheduledChanges } from '../studio/standing.js';
import { teamContext, type TeamOptions } from '../team/http/start.js';
import { isStudioHost, signedIn } from '../team/http/context.js';

export interface PreviewOptions {
  paths: ProjectPaths;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  /** 0 for any free port. */
  port: number;
  /** Absolute base of links (PUBLIC_URL); by default the address listened on. */
  publicUrl?: string;
  now?: () => Date;
  /** Told of failures inside the server (the CLI prints them); never sent to the browser. */
  onError?: (e: unknown) => void;
  /** Told of each change the watcher took in. */
  onChange?: (issues: string[] | 'all', problems: string[]) => void;
  /** Record the address in the state folder while running, so `share` can point links at it. */
  announce?: { db: string };
  /** Told the address as soon as the port is open, before the workspace is loaded (tests ask then). */
  onListening?: (url: string) => void;
  limits?: Partial<ServerLimits>;
  /** For the studio's proofs: SMTP_URL and PROOF_ALLOWLIST (process.env by default), and the SMTP transport. */
  env?: NodeJS.ProcessEnv;
  transport?: ActionSettings['transport'];
  /** Who is acting on a request (http/person.ts); by default the person running the studio. */
  personOf?: PersonOf;
  /** Team mode (`serve --team`): the studio for several people, behind sign-in (src/team). */
  team?: TeamOptions;
}

/** Explicit limits, so a slow or greedy client cannot hold the server (tests make them short). */
export interface ServerLimits {
  /** All of a request's headers must arrive within this. */
  headersTimeout: number;
  /** The whole request (not the response: the event stream stays open) within this. */
  requestTimeout: number;
  /** How often Node looks for connections past those limits. */
  checkInterval: number;
  /** Open connections at once; more are dropped. Each studio tab holds one for its event stream. */
  maxConnections: number;
  /** The longest any response may take (the event stream aside): then 503, or the connection is closed. */
  responseTimeout: number;
}

export const LIMITS: ServerLimits = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  checkInterval: 1_000,
  maxConnections: 256,
  responseTimeout: 60_000,
};

export interface PreviewServer {
  url: string;
  workspace: Workspace;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';

export async function startPreview(o: PreviewOptions): Promise<PreviewServer> {
  assertStrongSecret(o.secret);
  const limits = { ...LIMITS, ...o.limits };
  const server = createServer({
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    connectionsCheckingInterval: limits.checkInterval,
  });
  server.maxConnections = limits.maxConnections;
  // Every connection is answered from the moment the port is open: 503 with Retry-After until the
  // workspace is loaded, and no response waits longer than responseTimeout.
  let ready: ((req: IncomingMessage, res: ServerResponse) => void) | undefined = undefined;
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    answerWithin(req, res, limits.responseTimeout);
    if (ready) return ready(req, res);
    const body = messagePage('Starting', 'The preview is still loading the newsletter. This page will be ready in a moment: reload it.');
    send(req, res, { status: 503, type: HTML, body, csp: pagePolicy(body), headers: { 'Retry-After': '1' } });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}`;
  o.onListening?.(url);
  const ws = await Workspace.open(o.paths, o.publicUrl ?? url).catch(async (e: unknown) => {
    await new Promise((r) => server.close(r));
    throw e;
  });
  const hub = new EventHub();
  const envNow = o.env ? () => o.env! : projectEnv(o.paths.root);
  const settings: ActionSettings = {
    get env() {
      return envNow();
    },
    transport: o.transport ?? ((url) => smtpTransport(url)),
  };
  const ctx: RouteContext = {
    ws,
    store: o.store,
    secret: o.secret,
    mode: o.mode,
    hub,
    now: o.now ?? (() => new Date()),
    settings,
    ...studioState(),
    // Who acts on a request: the person signed in (team mode), else whoever runs the studio (http/person.ts).
    personOf:
      o.personOf ??
      ((req) => {
        const p = signedIn(req);
        return p && { name: p.name, email: p.email, role: p.role };
      }),
  };
  if (o.team) {
    Object.assign(ctx, teamContext(o.team, url, o.store, settings.transport, o.onError ?? (() => undefined)));
    // The editor's requests must come from STUDIO_URL's origin, not a loopback one.
    ctx.editor.origin = ctx.team!.config.origin;
  }
  const onError = o.onError ?? (() => undefined);
  // The store is the one source of status: the content folder's sent records are folded into it
  // (workflow/sent-status.ts) now, and again whenever content changes. A damaged sent record is
  // told, not fatal: the archive refuses to show it by itself.
  const importSent = () => readStatuses(o.store, o.paths).catch(onError);
  await importSent();

  ready = (req, res) => {
    handle(ctx, req, res, port).catch((e: unknown) => {
      onError(e);
      if (res.headersSent) return res.destroy();
      const body = messagePage('The preview failed', 'Something went wrong in the preview tool. The terminal running it says what.');
      send(req, res, { status: 500, type: HTML, body, csp: pagePolicy(body) });
    });
  };

  // Public mode watches too: a share link made for a draft written or edited after the server
  // started must show that draft as it is now. Only the studio has pages to tell.
  const watcher = watchFolders(
    [o.paths.content, o.paths.templates],
    takeInChanges(ws, {
      onError,
      taken: async (files, issues) => {
        // Sent records are read again only when a change may have touched one (not on every save).
        if (mayChangeSentRecords(o.paths, files)) await importSent();
        // A scheduled issue whose file changed is parked now, not when a page is next opened.
        if (o.mode === 'studio') await noticeScheduledChanges(ctx, issues);
        if (o.mode === 'studio') hub.broadcast('change', { issues });
        o.onChange?.(issues, ws.problems('all'));
      },
    }),
  );
  await watcher.ready;
  const unannounce = o.announce
    ? announceServer(o.paths.root, { url, mode: o.mode, pid: process.pid, db: o.announce.db, secretId: secretId(o.secret) })
    : undefined;

  return {
    url,
    workspace: ws,
    close: async () => {
      unannounce?.();
      await watcher.close();
      hub.close();
      await ws.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

async function handle(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  // The studio answers only to its loopback names (in team mode, to STUDIO_URL's host), so a web
  // page cannot reach it by DNS rebinding.
  if (ctx.team ? !isStudioHost(req, ctx.team.config) : ctx.mode === 'studio' && !isLoopbackHost(req.headers.host, port))
    return notFound(req, res);
  const p = requestPath(req.url);
  if (!p) return notFound(req, res);
  await route(ctx, req, res, p);
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

/** A response not finished within `ms` is answered 503, or cut off if it had begun; the event stream is meant to stay open. */
export function answerWithin(req: IncomingMessage, res: ServerResponse, ms: number): void {
  const timer = setTimeout(() => {
    if (res.writableEnded || String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return;
    if (res.headersSent) return void res.destroy();
    const body = messagePage(
      'This took too long',
      'The preview did not finish this page in time. Try again; the terminal running it says more.',
    );
    send(req, res, { status: 503, type: HTML, body, csp: pagePolicy(body), headers: { 'Retry-After': '5', Connection: 'close' } });
  }, ms);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
}

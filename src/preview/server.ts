// The preview server: node:http on 127.0.0.1, the workspace kept live by the file watcher, and
// open pages told of changes through server-sent events. Routes are in routes.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { HTML, notFound, requestPath, send } from './http.js';
import { EventHub, watchFolders } from './live.js';
import { messagePage } from './pages/shell.js';
import { route, type RouteContext } from './routes.js';
import { Workspace } from './workspace.js';

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
}

export interface PreviewServer {
  url: string;
  workspace: Workspace;
  close(): Promise<void>;
}

export const HOST = '127.0.0.1';

export async function startPreview(o: PreviewOptions): Promise<PreviewServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${HOST}:${port}`;
  const ws = await Workspace.open(o.paths, o.publicUrl ?? url).catch(async (e: unknown) => {
    await new Promise((r) => server.close(r));
    throw e;
  });
  const hub = new EventHub();
  const ctx: RouteContext = { ws, store: o.store, secret: o.secret, mode: o.mode, hub, now: o.now ?? (() => new Date()) };
  const onError = o.onError ?? (() => undefined);

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(ctx, req, res, port).catch((e: unknown) => {
      onError(e);
      if (!res.headersSent)
        send(req, res, {
          status: 500,
          type: HTML,
          body: messagePage('The preview failed', 'Something went wrong in the preview tool. The terminal running it says what.'),
        });
      else res.destroy();
    });
  });

  // The public archive changes only when an issue is sent: it needs no watcher or event stream.
  const watcher =
    o.mode === 'studio'
      ? watchFolders([o.paths.content, o.paths.templates], (files) => {
          ws.refresh(files).then((issues) => {
            hub.broadcast('change', { issues });
            o.onChange?.(issues, ws.problems('all'));
          }, onError);
        })
      : undefined;
  await watcher?.ready;

  return {
    url,
    workspace: ws,
    close: async () => {
      await watcher?.close();
      hub.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

async function handle(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  // The studio answers only to its loopback names, so a web page cannot reach it by DNS rebinding.
  if (ctx.mode === 'studio' && !isLoopbackHost(req.headers.host, port)) return notFound(req, res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(req, res, {
      status: 405,
      type: 'text/plain; charset=utf-8',
      body: 'Only GET and HEAD are served here.\n',
      headers: { Allow: 'GET, HEAD' },
    });
  }
  const p = requestPath(req.url);
  if (!p) return notFound(req, res);
  await route(ctx, req, res, p);
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

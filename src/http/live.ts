// Live reload: a file watcher on content/ and templates/, and the server-sent event stream that
// tells open pages to fetch themselves again.
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { watch } from 'chokidar';

/** Several writes of one save (truncate, write, rename) arrive as one change. */
const SETTLE_MS = 20;
const KEEPALIVE_MS = 15_000;

export interface Watcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

export function watchFolders(folders: string[], onChange: (files: string[]) => void): Watcher {
  const watcher = watch(folders, { ignoreInitial: true, ignored: (p) => /^\.|~$|\.sw[px]$/.test(path.basename(p)) });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, file) => {
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      onChange(files);
    }, SETTLE_MS);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}

export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepalive = setInterval(() => this.send(': keepalive\n\n'), KEEPALIVE_MS).unref();

  /** Hold the response open as an event stream. */
  attach(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write('retry: 500\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  broadcast(event: string, data: unknown): void {
    this.send(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private send(frame: string): void {
    for (const res of this.clients) res.write(frame);
  }
}

// Live reload: a file watcher on content/ and templates/, and the server-sent event stream that
// tells open pages to fetch themselves again.
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { watch } from 'chokidar';

/**
 * A save is looked at once no event has come for FIRST_LOOK_MS (a save is one event or a burst of
 * them within a millisecond or two), and again once none has come for SETTLE_MS: the caller takes
 * the first look at once unless it shows a new problem, which may be a file read half-written, and
 * then waits for the settled one (server/take-in.ts).
 */
export const FIRST_LOOK_MS = 5;
export const SETTLE_MS = 20;
const KEEPALIVE_MS = 15_000;

export interface Watcher {
  ready: Promise<void>;
  close(): Promise<void>;
}

/** `onChange(files, settled)`: the files changed since the last look (settled: since the last settled look). */
export function watchFolders(folders: string[], onChange: (files: string[], settled: boolean) => void): Watcher {
  const skip = (p: string) => /^\.|~$|\.sw[px]$/.test(path.basename(p));
  const watcher = watch(folders, { ignoreInitial: true, ignored: skip });
  const sinceLook = new Set<string>();
  const sinceSettled = new Set<string>();
  let look: NodeJS.Timeout | undefined;
  let settle: NodeJS.Timeout | undefined;
  const take = (set: Set<string>, settled: boolean) => {
    const files = [...set];
    set.clear();
    onChange(files, settled);
  };
  const seen = (file: string) => {
    if (skip(file)) return;
    sinceLook.add(file);
    sinceSettled.add(file);
    clearTimeout(look);
    clearTimeout(settle);
    look = setTimeout(() => take(sinceLook, false), FIRST_LOOK_MS);
    settle = setTimeout(() => take(sinceSettled, true), SETTLE_MS);
  };
  watcher.on('all', (_event, file) => seen(file));
  // chokidar passes on at most one change of a file in 50 ms and drops the rest, so a second save
  // soon after the first (the next keystroke saved, a script writing twice) would never be shown.
  // The raw events of the watches underneath are never dropped: each is a file of ours (from the
  // file's own watch, or its folder's) that the looks above take in like any other.
  watcher.on('raw', (_event, name: unknown, details: unknown) => {
    const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (typeof watched !== 'string') return;
    seen(typeof name !== 'string' || name === '' || path.basename(watched) === name ? watched : path.join(watched, name));
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(look);
      clearTimeout(settle);
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

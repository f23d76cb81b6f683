// Where preview servers are listening now, so `share` prints an address that opens. A server
// writes a small record in the state folder while it runs and removes it when it closes; a record
// left by a server that was killed names a process that is gone, and is ignored and removed.
// A record says which store and which secret the server uses (a fingerprint, never the secret):
// a link opens only on a server that has both.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stateDir } from '../files/project-paths.js';

export interface RunningServer {
  url: string;
  mode: 'studio' | 'public';
  pid: number;
  /** The state database it reads share links from, absolute. */
  db: string;
  /** Fingerprint of the secret it checks links with. */
  secretId: string;
}

export function secretId(secret: string): string {
  return createHash('sha256').update(`panel-newsletter secret id\u0000${secret}`).digest('hex').slice(0, 16);
}

/** Record a listening server; returns what removes the record again. */
export function announceServer(root: string, server: RunningServer): () => void {
  const dir = stateDir(root, 'servers');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${new URL(server.url).port}.json`);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ ...server, db: path.resolve(server.db) })}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return () => rmSync(file, { force: true });
}

/** The servers that are running now; records of processes that are gone are removed. */
export function runningServers(root: string, alive: (pid: number) => boolean = processAlive): RunningServer[] {
  const dir = stateDir(root, 'servers');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^\d+\.json$/.test(n));
  } catch {
    return [];
  }
  const found: RunningServer[] = [];
  for (const name of names) {
    const record = readRecord(path.join(dir, name));
    if (record && alive(record.pid)) found.push(record);
    else rmSync(path.join(dir, name), { force: true });
  }
  return found;
}

function readRecord(file: string): RunningServer | undefined {
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunningServer>;
    const ok =
      typeof r.url === 'string' &&
      /^http:\/\/127\.0\.0\.1:\d+$/.test(r.url) &&
      (r.mode === 'studio' || r.mode === 'public') &&
      Number.isSafeInteger(r.pid) &&
      typeof r.db === 'string' &&
      typeof r.secretId === 'string';
    return ok ? (r as RunningServer) : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

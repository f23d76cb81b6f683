// A lock file beside a file being rewritten (".issue.yaml.lock"), taken for a whole
// read–merge–write so two tool processes never interleave their saves. It holds the owner's pid;
// a lock whose process is gone, or older than STALE_MS (a hung or killed owner on another
// machine sharing the folder), is taken over. Programs that do not know the lock (text editors,
// git) are caught by the hash compared just before the rename (stillHolds).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const STALE_MS = 30_000;

export function lockPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** Take the lock beside `file`, waiting up to `waitMs`; resolves to its release. */
export async function lockBeside(file: string, waitMs = 10_000): Promise<() => Promise<void>> {
  const lock = lockPathOf(file);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o644);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await isStale(lock)) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() > until) throw new LockBusy(file);
    await sleep(25);
  }
}

export class LockBusy extends Error {
  constructor(readonly file: string) {
    super(`${file} is being saved by another newsletter process; save again in a moment`);
  }
}

async function isStale(lock: string): Promise<boolean> {
  const [text, info] = await Promise.all([readFile(lock, 'utf8').catch(() => ''), stat(lock).catch(() => undefined)]);
  if (!info) return false; // released meanwhile: try again
  if (Date.now() - info.mtimeMs > STALE_MS) return true;
  const pid = Number(text.trim());
  // Still being written by its owner: give it a moment.
  if (!Number.isSafeInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 1_000;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Whether `file` still holds exactly `text`: called synchronously right before a rename, so the
 * compare and the rename are two system calls with nothing between them. An outside write lands
 * before the compare (and is seen) or after the rename (and is kept).
 */
export function stillHolds(file: string, text: string): boolean {
  try {
    return hashText(readFileSync(file, 'utf8')) === hashText(text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

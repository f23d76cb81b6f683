// Output that is whole or not there: a file is written beside its final name and renamed over
// it, a folder is built beside its final name and swapped in. A process killed mid-write leaves
// the previous file or folder as it was (and a dot-named leftover that the next run removes),
// never a 0-byte email.html or half a site. Renames within one folder are atomic on POSIX.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Marks the names of work in progress, so leftovers of a killed run are known for what they are. */
const PART = '.partial-';

function partName(target: string, kind: 'tmp' | 'new' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}${PART}${kind}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * A cache file, written aside and renamed, so a command starting meanwhile reads the old file or
 * the new. It never fails its caller: a cache not kept (a read-only checkout) only makes the next
 * run slower. False when it was not kept.
 */
export function keepCacheFile(file: string, text: string): boolean {
  const aside = `${file}.${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(aside, text);
    renameSync(aside, file);
    return true;
  } catch {
    return false;
  }
}

/** Write a file and flush it to disk before anyone can see it under its name. */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    // Without this, a power cut after the rename can leave the new name on an empty file (delayed allocation).
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replace `file` with `data` in one step: readers see the old content or the new, nothing between. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = partName(file, 'tmp');
  try {
    await writeFileDurable(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDir(path.dirname(file));
}

/**
 * As writeFileAtomic, but the rename is made only if `stillSame()` (synchronous, so nothing runs
 * between it and the rename) holds; false, and nothing written, when it does not.
 */
export async function writeFileAtomicIf(file: string, data: string | Uint8Array, stillSame: () => boolean): Promise<boolean> {
  const tmp = partName(file, 'tmp');
  let renamed = false;
  try {
    await writeFileDurable(tmp, data);
    if (stillSame()) {
      renameSync(tmp, file);
      renamed = true;
    }
  } finally {
    if (!renamed) await rm(tmp, { force: true });
  }
  if (renamed) await syncDir(path.dirname(file));
  return renamed;
}

/**
 * Build a folder with `fill` beside `target`, then swap it in: the old folder is renamed away,
 * the new one renamed in, the old one removed. If `fill` fails, `target` is left untouched.
 * Between the two renames (two system calls) `target` is briefly absent; a run killed exactly
 * there is repaired by the next call (see `recoverFolder`).
 */
export async function replaceFolder<T>(target: string, fill: (dir: string) => Promise<T>): Promise<T> {
  await recoverFolder(target);
  const fresh = partName(target, 'new');
  await mkdir(fresh, { recursive: true });
  let result: T;
  try {
    result = await fill(fresh);
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
  const old = partName(target, 'old');
  const hadOld = await rename(target, old).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
  await rename(fresh, target);
  await syncDir(path.dirname(target));
  if (hadOld) await rm(old, { recursive: true, force: true });
  return result;
}

/**
 * Tidy what a killed run left beside `target`: half-built folders are removed; a folder that was
 * renamed away but never replaced is put back, so the last complete version is served again.
 */
export async function recoverFolder(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}${PART}`;
  const names: string[] = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  const left = names.filter((n) => n.startsWith(prefix));
  let targetThere = names.includes(path.basename(target));
  for (const name of left) {
    if (name.startsWith(`${prefix}old-`) && !targetThere) {
      await rename(path.join(dir, name), target);
      targetThere = true;
    } else {
      await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

/** Remove the temporary files a killed `writeFileAtomic` left in a folder. */
export async function removeLeftovers(dir: string): Promise<void> {
  const names: string[] = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : Promise.reject(e)));
  for (const name of names) if (name.startsWith('.') && name.includes(`${PART}tmp-`)) await rm(path.join(dir, name), { force: true });
}

/** Make a rename in `dir` survive a power cut. Not every file system lets a folder be synced. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // EINVAL/EISDIR on some file systems: the rename is still atomic, only less durable.
  } finally {
    await handle.close();
  }
}

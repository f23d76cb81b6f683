// What `build` trusts without reading a file again: its stat, as make and git do. A stamp is the
// inode, the size, and the modification and change times in nanoseconds. An edit changes the change
// time (ctime) even when it keeps the size and puts the modification time back (`touch -r`), and
// no program can set ctime: only setting the system clock back can give an edited file its old
// stamp. A file stamped within a clock tick of its last change could change again in that tick
// without its stamp moving ("racy", as git calls it): such a file is given no stamp, so it is read
// and hashed next time, and racy inputs mean the build is done in full and not recorded. A tick is
// taken as 100 ms, or 2.5 s where the file system keeps whole seconds (FAT keeps two). Racy is judged
// by the system clock, which stamps the files, never by a command's clock (a test's may be fixed).
import { createHash } from 'node:crypto';
import { type BigIntStats, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export type Stamp = string;

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** A file as the build wrote it: the hash of its bytes and its stamp just after. */
export interface Written {
  hash: string;
  stamp: Stamp;
}

function stampOf(s: BigIntStats): Stamp {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Changed so recently that another change in the same clock tick would keep its stamp. */
function racy(s: BigIntStats): boolean {
  const second = 1_000_000_000n;
  const margin = s.ctimeNs % second === 0n && s.mtimeNs % second === 0n ? 2_500_000_000n : 100_000_000n;
  const since = BigInt(Date.now()) * 1_000_000n - margin;
  return s.ctimeNs >= since || s.mtimeNs >= since;
}

function statOf(file: string): BigIntStats | undefined {
  try {
    return statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable folder on the way: as if absent
  }
}

/** The file's stamp now, '' when it is racy (or not there): then it is read and hashed next time. */
export function stampNow(file: string): Stamp {
  const s = statOf(file);
  return s?.isFile() && !racy(s) ? stampOf(s) : '';
}

/**
 * Whether `file` is still as written: by its stamp when it has one, else by reading and hashing
 * it. Returns the stamp to keep ('' while the file is racy), or undefined when it is gone or differs.
 */
export async function stillWritten(file: string, written: Written): Promise<Stamp | undefined> {
  const s = statOf(file);
  if (!s?.isFile()) return undefined;
  const stamp = racy(s) ? '' : stampOf(s);
  if (stamp !== '' && stamp === written.stamp) return stamp;
  const bytes = await readFile(file).catch(() => undefined);
  return bytes && sha256(bytes) === written.hash ? stamp : undefined;
}

/**
 * Every file under `dirs` (links followed, each folder once) named with its stamp, as one hash:
 * a file added, removed, renamed or edited changes it. `racy` when a file is.
 */
export function inputsStamp(root: string, dirs: readonly string[]): { hash: string; racy: boolean } {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  let anyRacy = false;
  const walk = (dir: string, shown: string) => {
    const s = statOf(dir);
    if (!s?.isDirectory() || seen.has(`${s.dev}:${s.ino}`)) return;
    seen.add(`${s.dev}:${s.ino}`);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      hash.update(`${shown}\0unreadable\n`);
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      const f = statOf(file);
      if (f?.isDirectory()) {
        hash.update(`${shown}/${name}/\n`); // named even when reached before by another link
        walk(file, `${shown}/${name}`);
      } else {
        hash.update(`${shown}/${name}\0${f ? stampOf(f) : '-'}\n`);
        if (f && racy(f)) anyRacy = true;
      }
    }
  };
  for (const dir of dirs) walk(dir, path.relative(root, dir) || '.');
  return { hash: hash.digest('hex'), racy: anyRacy };
}

export function hashOf(text: string): string {
  return sha256(text);
}

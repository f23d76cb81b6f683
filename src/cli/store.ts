// Opening the state store from a command. Where NEWSLETTER_DB points is a setting the person chose,
// so a path that cannot hold a database is theirs to fix (exit 1, with how), not a failure of the tool.
import { statSync } from 'node:fs';
import path from 'node:path';
import { NewsletterError } from '../errors.js';
import { openStore, stateDbPath, type Store } from '../state/store.js';

const UNUSABLE = new Set(['EEXIST', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB']);

export function openStateStore(root: string, env: NodeJS.ProcessEnv, now?: () => Date): Store {
  const file = stateDbPath(root, env);
  try {
    return openStore(file, now);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !UNUSABLE.has(code)) throw e;
    const shown = env.NEWSLETTER_DB ? `NEWSLETTER_DB (${env.NEWSLETTER_DB})` : path.relative(root, file);
    throw new NewsletterError('state-store-unusable', `the state store ${shown} cannot be opened: ${why(file, code)}`, {
      hint: env.NEWSLETTER_DB
        ? 'set NEWSLETTER_DB to a file in a folder you can write to, e.g. NEWSLETTER_DB=.newsletter/state.db, or unset it to use that default'
        : `make ${path.dirname(path.relative(root, file))}/ a folder you can write to, or set NEWSLETTER_DB to a file elsewhere`,
      cause: e,
    });
  }
}

function why(file: string, code: string): string {
  const fileOnTheWay = ancestors(file).find((p) => kind(p) === 'file');
  if (fileOnTheWay) return `${fileOnTheWay} is a file, not a folder`;
  if (kind(file) === 'folder') return `${file} is a folder, not a database file`;
  if (code === 'SQLITE_NOTADB') return `${file} is not a database file`;
  return `${file} cannot be written here (${code})`;
}

function ancestors(file: string): string[] {
  const out: string[] = [];
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) out.unshift(dir);
  return out;
}

function kind(p: string): 'file' | 'folder' | undefined {
  const s = statSync(p, { throwIfNoEntry: false });
  return s === undefined ? undefined : s.isDirectory() ? 'folder' : 'file';
}

/** Run a command's work with the state store open, and close it whatever happens. */
export async function withStateStore<T>(
  context: { root: string; env: NodeJS.ProcessEnv; now?: () => Date },
  work: (store: Store) => Promise<T>,
): Promise<T> {
  // The command's clock dates what the store records (tests pass a fixed one).
  const store = openStateStore(context.root, context.env, context.now);
  try {
    return await work(store);
  } finally {
    store.close();
  }
}

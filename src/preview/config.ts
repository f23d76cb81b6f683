// The preview's configuration from the environment.
// PREVIEW_SECRET signs share links. When it is not set, one is generated once and kept in the
// state folder (readable by the owner only), so links survive restarts. It is never printed.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NewsletterError } from '../errors.js';
import { STATE_DIR } from '../state/store.js';

export const SECRET_FILE = 'preview-secret';

export function previewSecret(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PREVIEW_SECRET?.trim();
  if (given) return given;
  const dir = path.join(root, STATE_DIR);
  const file = path.join(dir, SECRET_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = randomBytes(32).toString('base64url');
  // "wx": when two commands start at once, the second keeps the first one's secret.
  try {
    writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw e;
  }
}

/** PUBLIC_URL without a trailing slash; by default the loopback address the server listens on. */
export function publicUrl(env: NodeJS.ProcessEnv, port: number): string {
  const given = env.PUBLIC_URL?.trim();
  if (!given) return `http://127.0.0.1:${port}`;
  let url: URL | undefined;
  try {
    url = new URL(given);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new PreviewConfigError(
      `PUBLIC_URL "${given}" is not a web address — set it to where the archive is served, e.g. https://newsletter.example.org`,
    );
  }
  return given.replace(/\/+$/, '');
}

/** The preview's configuration cannot be used (exit 1, no stack trace). */
export class PreviewConfigError extends NewsletterError {
  constructor(message: string) {
    super('preview-config', message);
    this.name = 'PreviewConfigError';
  }
}

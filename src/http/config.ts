// The preview's configuration from the environment.
// PREVIEW_SECRET signs share links. When it is not set, one is generated once and kept in the
// state folder (readable by the owner only), so links survive restarts. It is never printed.
// A weak secret is never used: whoever can guess it can mint links to any draft.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NewsletterError } from '../errors.js';
import { STATE_DIR, stateDir } from '../files/project-paths.js';

export const SECRET_FILE = 'preview-secret';

/** A secret shorter than this can be guessed, and with it anyone can mint links to any draft. */
export const MIN_SECRET_BYTES = 32;

const HOW_TO_MAKE = `make one with \`openssl rand -base64 32\` (or \`node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"\`)`;

export function previewSecret(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.PREVIEW_SECRET?.trim();
  if (given) {
    if (Buffer.byteLength(given) < MIN_SECRET_BYTES)
      throw new PreviewConfigError(
        `PREVIEW_SECRET is ${Buffer.byteLength(given)} bytes long; share links need at least ${MIN_SECRET_BYTES} random bytes, or anyone who guesses it can open any draft — ${HOW_TO_MAKE}, or unset PREVIEW_SECRET and the tool keeps one in ${STATE_DIR}/${SECRET_FILE}`,
      );
    return given;
  }
  const dir = stateDir(root);
  const file = path.join(dir, SECRET_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Two tries: the second only when the first found an empty file and moved it aside.
  for (let attempt = 0; attempt < 2; attempt++) {
    const kept = readKept(file);
    if (kept === undefined) return createOnce(file, randomBytes(32).toString('base64url'));
    if (Buffer.byteLength(kept) >= MIN_SECRET_BYTES) return kept;
    if (kept !== '')
      throw new PreviewConfigError(
        `${path.join(STATE_DIR, SECRET_FILE)} holds a secret of only ${Buffer.byteLength(kept)} bytes; share links need at least ${MIN_SECRET_BYTES} — delete the file and the tool makes a strong one (links made before stop working), or set PREVIEW_SECRET: ${HOW_TO_MAKE}`,
      );
    // Empty: an older version was stopped between creating the file and writing it. Anyone could
    // sign with an empty key, so links made with it must stop working: replace it.
    const aside = `${file}.${randomBytes(6).toString('hex')}.empty`;
    try {
      renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      continue; // another command moved it first
    }
    const moved = readFileSync(aside, 'utf8').trim();
    unlinkSync(aside);
    // Another command replaced it between our read and our rename: put its secret back.
    if (Buffer.byteLength(moved) >= MIN_SECRET_BYTES) return createOnce(file, moved);
  }
  return createOnce(file, randomBytes(32).toString('base64url'));
}

function readKept(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Write the secret whole to a temporary file, then link it into place only if none is there yet:
 * the file never exists half written, and when two commands start at once both keep the first's. */
function createOnce(file: string, secret: string): string {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, file);
    return secret;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const kept = readFileSync(file, 'utf8').trim();
    if (Buffer.byteLength(kept) < MIN_SECRET_BYTES)
      throw new PreviewConfigError(`${path.join(STATE_DIR, SECRET_FILE)} changed while it was read; run the command again`);
    return kept;
  } finally {
    unlinkSync(temp);
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

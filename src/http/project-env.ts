// The settings the studio's actions read (SMTP_URL, PROOF_ALLOWLIST…): the environment, and the
// project's .env file read again each time, so a line added to .env counts at the next proof
// without restarting the studio. As at startup (bin/newsletter.cjs), the environment wins over .env.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

function readDotEnv(root: string): Record<string, string> {
  try {
    return parseEnv(readFileSync(path.join(root, '.env'), 'utf8')) as Record<string, string>;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
}

/** A reader of the settings now. `env` is the process's environment, which may hold .env's values of startup. */
export function projectEnv(root: string, env: NodeJS.ProcessEnv = process.env): () => NodeJS.ProcessEnv {
  const atStart = readDotEnv(root);
  // What the environment itself set: not a value that came from .env when the tool started.
  const own = Object.fromEntries(Object.entries(env).filter(([k, v]) => atStart[k] === undefined || atStart[k] !== v));
  return () => ({ ...readDotEnv(root), ...own });
}

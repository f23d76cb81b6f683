// The version of the running code, for caches of its results kept on disk (build outputs, parsed
// content): a result made by other code is never used.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

let code: string | undefined;

/** Set by scripts/bundle.mjs to the hash of the bundle it writes, so a run need not hash 10 MB to know it. */
declare const __CODE_VERSION__: unknown;
const BUNDLED = typeof __CODE_VERSION__ === 'string' ? __CODE_VERSION__ : undefined;

/**
 * The version of the running code: a hash of the bundle when running from it, else of the
 * compiled or source files of the package. A new build of the tool builds every issue again.
 */
export function codeVersion(): string {
  if (code) return code;
  const self = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  if (BUNDLED) return (code = BUNDLED);
  if (self.endsWith('.cjs')) return (code = sha256(readFileSync(self)));
  // src/code-version.ts or lib/code-version.js: hash that whole tree.
  const tree = path.dirname(self);
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|js|json|css)$/.test(name)) hash.update(`${path.relative(tree, file)}\0`).update(readFileSync(file));
    }
  };
  walk(tree);
  return (code = hash.digest('hex'));
}

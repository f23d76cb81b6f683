// Handlebars' compiled templates kept between runs (in .cache/templates/ of the project), so a cold
// command evaluates JavaScript instead of parsing and compiling every template again. One file per
// kind, headed by the hash of what it was compiled from (Handlebars' version, the options, every
// template's text) and the hash of its own code: a file that does not match both is never run;
// the templates are compiled again and the file rewritten.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keepCacheFile } from '../files/atomic.js';

/** Where compiled code is kept: named texts. Reads and writes never throw. */
export interface CompiledTemplateStore {
  read(name: string): string | undefined;
  write(name: string, text: string): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A folder as a store; one that cannot be written to (a read-only checkout) only makes runs slower. */
export function templateStoreIn(dir: string): CompiledTemplateStore {
  return {
    read: (name) => {
      try {
        return readFileSync(path.join(dir, name), 'utf8');
      } catch {
        return undefined;
      }
    },
    // Not kept (a read-only checkout): compiled again next time.
    write: (name, text) => void keepCacheFile(path.join(dir, name), text),
  };
}

// Not .js: no linter or formatter run over the project should pick it up.
const fileName = (kind: string) => `${kind}.compiled`;

/** The stored template specifications for `key`, or undefined when there are none, or they are stale or damaged. */
export function compiledCode(store: CompiledTemplateStore, kind: string, key: string, count: number): unknown[] | undefined {
  const text = store.read(fileName(kind));
  const newline = text?.indexOf('\n') ?? -1;
  if (!text || newline < 0) return undefined;
  const body = text.slice(newline + 1);
  if (text.slice(0, newline) !== header(key, body)) return undefined;
  try {
    const specs: unknown = new Function(body)();
    return Array.isArray(specs) && specs.length === count && specs.every(isSpec) ? specs : undefined;
  } catch {
    return undefined;
  }
}

/** Keep the compiled code (Handlebars.precompile's output, one per template) under `key`; returns the specifications. */
export function storeCompiledCode(store: CompiledTemplateStore | undefined, kind: string, key: string, code: string[]): unknown[] {
  const body = `return [\n${code.join(',\n')}\n];\n`;
  store?.write(fileName(kind), `${header(key, body)}\n${body}`);
  return new Function(body)() as unknown[];
}

function header(key: string, body: string): string {
  return `// handlebars templates ${sha256(key)} ${sha256(body)}`;
}

function isSpec(spec: unknown): boolean {
  return typeof spec === 'object' && spec !== null && typeof (spec as { main?: unknown }).main === 'function';
}

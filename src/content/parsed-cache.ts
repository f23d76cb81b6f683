// Content files parsed and validated before, kept between runs in .cache/content/ of the project,
// so a studio start or a build reads JSON instead of parsing a hundred YAML files and running zod
// over each. One file per content file, holding the key it was made from: the code version, the
// schema, the file's name and text. A file whose key does not match is never used; it is
// rewritten. Only valid content is kept, and only when JSON gives back exactly what zod gave.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keepCacheFile } from '../files/atomic.js';
import { isDeepStrictEqual } from 'node:util';

export interface ParsedStore {
  read(file: string, key: string): unknown;
  write(file: string, key: string, data: unknown): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function parsedKey(version: string, schema: string, file: string, text: string, refused = ''): string {
  return sha256([version, schema, file, refused, text].join('\u0000'));
}

/** A folder as a store; reads and writes never throw (a read-only checkout only makes runs slower). */
export function parsedStoreIn(dir: string): ParsedStore {
  const fileOf = (file: string) => path.join(dir, `${sha256(file)}.json`);
  return {
    read(file, key) {
      try {
        const stored = JSON.parse(readFileSync(fileOf(file), 'utf8')) as { key?: unknown; data?: unknown };
        return stored.key === key ? stored.data : undefined;
      } catch {
        return undefined;
      }
    },
    write(file, key, data) {
      const json = JSON.stringify({ key, data });
      if (!isDeepStrictEqual((JSON.parse(json) as { data: unknown }).data, data)) return; // not plain JSON: parsed each time
      keepCacheFile(fileOf(file), json); // not kept: parsed again next time
    },
  };
}

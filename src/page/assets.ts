// The browser's own code and style, kept as real files beside the pages that serve them
// (src/studio/browser/, src/editor/http/browser/) so that eslint and prettier see them. Each is
// read once, when a page first needs it; csp.ts hashes each block once too.
import { readFileSync } from 'node:fs';

// src/ when run from source (vitest, tsx); lib/ when built, where scripts/bundle.mjs copies the
// browser folders. This file sits one folder down, as cli/main.js does, whose address the bundle
// gives every import.meta.url: the same '../' reaches the root from either.
const ROOT = new URL('../', import.meta.url);
const read = new Map<string, string>();

/** A browser file by its path under src/, e.g. 'studio/browser/studio.js'. */
export function browserFile(rel: string): string {
  let text = read.get(rel);
  if (text === undefined) {
    text = readFileSync(new URL(rel, ROOT), 'utf8');
    read.set(rel, text);
  }
  return text;
}

// The text checks' memory (text-memory.ts) kept between runs of `check`, in one file of the
// project's cache: the plain-English notes by paragraph and the privacy detections by field, each
// under a hash of its text, with the version of the code that found them. A file from other code,
// or one that is not what this code writes, is not used; it is written anew. Reading and writing
// never fail a check: without the file the text is only read again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keepCacheFile } from '../files/atomic.js';
import { z } from 'zod';
import { scored } from './plain-english/readability.js';
import { scanned } from './privacy/scan.js';

const FILE = 'text-notes.json';

/** The file's shape, built when a file is first read (a first check has none to read). */
function keptShape() {
  const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
  const sentenceNote = z.strictObject({
    kind: z.enum(['long', 'hard', 'passive']),
    ...span,
    words: z.number().int().nonnegative(),
    formulas: z.number().int().min(0).max(7).optional(),
  });
  const detection = z.strictObject({
    kind: z.string().regex(/^[a-z-]+$/),
    tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    ...span,
    text: z.string(),
    quote: z.string().optional(),
    detail: z.string().optional(),
  });
  const entries = <T extends z.ZodType>(value: T) => z.array(z.tuple([z.string().max(64), z.array(value)]));
  return z.strictObject({ version: z.string(), sentences: entries(sentenceNote), privacy: entries(detection) });
}
let kept: ReturnType<typeof keptShape> | undefined;

/** Give the text checks what an earlier run of this code found. */
export function recallTextNotes(dir: string, version: string): void {
  let found: z.infer<ReturnType<typeof keptShape>> | undefined;
  try {
    const text = readFileSync(path.join(dir, FILE), 'utf8');
    const parsed = (kept ??= keptShape()).safeParse(JSON.parse(text));
    found = parsed.success && parsed.data.version === version ? parsed.data : undefined;
  } catch {
    // no file, or not JSON: start afresh
  }
  scored.recall(found?.sentences ?? []);
  scanned.recall(found?.privacy ?? []);
}

/** Keep what the text checks used in this run (and earlier finds, up to their limits) for the next. */
export function keepTextNotes(dir: string, version: string): void {
  const json = JSON.stringify({ version, sentences: scored.toKeep(), privacy: scanned.toKeep() });
  keepCacheFile(path.join(dir, FILE), json); // not kept: read again next time
}

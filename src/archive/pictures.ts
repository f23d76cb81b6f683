// The pictures of a sent issue are kept with its sent record (content/issues/<id>/sent/images/),
// committed with it: the archive and `build --site` show them without the cache or Mailchimp, and
// nothing deletes them. Each file's name is the hash of its bytes, checked whenever it is read.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentPaths } from './sent.js';
import { imageNames } from '../render/images.js';
import { processedBytes } from '../images/process.js';
import { imageCacheIn } from '../content/pictures.js';
import { issuesDir, sentDir } from '../files/project-paths.js';

const NAME = /^([0-9a-f]{32})\.(jpg|png|gif)$/;

function honest(name: string, bytes: Buffer | undefined): Buffer | undefined {
  const m = NAME.exec(name);
  return m && bytes && createHash('sha256').update(bytes).digest('hex').slice(0, 32) === m[1] ? bytes : undefined;
}

/** The pictures the sent pages use, from the cache, for the sent record; one missing is an error naming it. */
export async function picturesFor(paths: ContentPaths, id: string, pages: readonly string[]): Promise<{ name: string; bytes: Buffer }[]> {
  const cache = imageCacheIn(paths.root);
  const pictures: { name: string; bytes: Buffer }[] = [];
  for (const name of new Set(pages.flatMap(imageNames))) {
    const bytes = honest(name, await processedBytes(cache, name));
    if (!bytes)
      throw new Error(
        `the picture ${name} of ${id} is not in the tool's picture cache — run newsletter check ${id} to process its pictures again, then try again`,
      );
    pictures.push({ name, bytes });
  }
  return pictures;
}

/** A picture kept with any sent issue, checked against its name; undefined when none has it. */
export async function sentImageBytes(paths: ContentPaths, name: string): Promise<Buffer | undefined> {
  if (!NAME.test(name)) return undefined;
  const issues = await readdir(issuesDir(paths)).catch(() => [] as string[]);
  for (const id of issues) {
    const bytes = honest(name, await readFile(path.join(sentDir(paths, id), 'images', name)).catch(() => undefined));
    if (bytes) return bytes;
  }
  return undefined;
}

/** A processed picture's bytes from the cache or a sent record. */
export async function pictureBytes(paths: ContentPaths, name: string): Promise<Buffer | undefined> {
  return honest(name, await processedBytes(imageCacheIn(paths.root), name)) ?? (await sentImageBytes(paths, name));
}

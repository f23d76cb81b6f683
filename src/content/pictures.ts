// The pictures content asks for: found (the issue's images/ folder, then content/images/), read
// with their limits, processed (process.ts), and handed to the render by (issue, file name, width).
// A picture that cannot be used is a content error at its `src`, naming the file; nothing is written
// for it, and other issues still work.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from './errors.js';
import type { Image, Issue, Newsletter } from './schema.js';
import { cacheDir } from '../files/project-paths.js';
import { imageCache, type ImageCache, ImageUnusable, IMAGE_LIMITS, type ProcessedImage, processImage, tooBig } from '../images/process.js';

/** The width each kind of picture is shown at in the 600 px email, in CSS pixels (it is processed at twice this). */
export const DISPLAY_WIDTH = {
  /** A picture across an article or welcome: the whole column. */
  section: 600,
  /** A picture in a news item, inside the text's 24 px margins. */
  item: 552,
  /** The masthead logo. */
  logo: 200,
} as const;

/** Where the pictures are, and what has been made of them. */
export interface ImageLibrary {
  /** The content folder, absolute. */
  contentDir: string;
  /** How the content folder is named in messages, e.g. "content". */
  shownRoot: string;
  cache: ImageCache;
  processed: Map<string, ProcessedImage>;
}

/** One picture a file asks for: where (the path of its `src` in that file) and at what width. */
export interface ImageRef {
  /** The issue whose images/ folder is looked in first; null for newsletter.yaml. */
  issue: string | null;
  src: string;
  width: number;
  path: (string | number)[];
  /** The picture's fields, for the checks. */
  image?: Image;
}

/** A project's picture cache: .cache/images/ beside its content. */
export const imageCacheIn = (root: string): ImageCache => imageCache(cacheDir(root, 'images'));

/**
 * What each file, at each width, was last made into, with the identity it had then (size, mtime,
 * inode): a render that finds the same identity does no picture work at all. One entry per file and
 * width, so a picture edited again and again in the studio does not pile up old results.
 */
const byFile = new Map<string, { stamp: string; image: ProcessedImage }>();

export const imageKey = (issue: string | null, src: string, width: number): string => `${issue ?? ''}\u0000${src}\u0000${width}`;

export function newsletterImageRefs(newsletter: Newsletter): ImageRef[] {
  const logo = newsletter.masthead?.logo;
  if (!logo) return [];
  const refs: ImageRef[] = [{ issue: null, src: logo.src, width: DISPLAY_WIDTH.logo, path: ['masthead', 'logo', 'src'] }];
  if (logo.dark) refs.push({ issue: null, src: logo.dark, width: DISPLAY_WIDTH.logo, path: ['masthead', 'logo', 'dark'] });
  return refs;
}

export function issueImageRefs(issue: Pick<Issue, 'id' | 'sections'>): ImageRef[] {
  const refs: ImageRef[] = [];
  issue.sections.forEach((s, i) => {
    if ((s.type === 'article' || s.type === 'welcome') && s.image)
      refs.push({ issue: issue.id, src: s.image.src, width: DISPLAY_WIDTH.section, path: ['sections', i, 'image', 'src'], image: s.image });
    if (s.type === 'stakeholder-news')
      s.items.forEach((item, j) => {
        if (item.image)
          refs.push({
            issue: issue.id,
            src: item.image.src,
            width: DISPLAY_WIDTH.item,
            path: ['sections', i, 'items', j, 'image', 'src'],
            image: item.image,
          });
      });
  });
  return refs;
}

/** A problem with one picture, before it is placed in its file. */
export interface ImageProblem {
  ref: ImageRef;
  message: string;
}

/** Process every picture in `refs` not processed yet; the problems, each with its ref. */
export async function prepareImages(library: ImageLibrary, refs: readonly ImageRef[]): Promise<ImageProblem[]> {
  const problems: ImageProblem[] = [];
  for (const ref of refs) {
    const key = imageKey(ref.issue, ref.src, ref.width);
    if (library.processed.has(key)) continue;
    try {
      const file = findImage(library, ref);
      // The same file, unchanged since it was last read, is not read again; a changed identity is read
      // and hashed, and processed only when its bytes are new (processImage keys by their hash).
      const slot = `${file.real}\u0000${ref.width}`;
      const last = byFile.get(slot);
      // Its processed file must still be there: a removed .cache/ is filled again.
      const same = last?.stamp === file.stamp && existsSync(path.join(library.cache.files, last.image.name));
      const image = same ? last.image : await processImage(library.cache, await readFile(file.real), ref.width);
      byFile.set(slot, { stamp: file.stamp, image });
      library.processed.set(key, image);
    } catch (e) {
      if (!(e instanceof ImageUnusable)) throw e;
      problems.push({ ref, message: e.reason });
    }
  }
  return problems;
}

/** The file a ref names, checked: inside content/, a file, not too big. Throws ImageUnusable with what to do. */
export function findImage(
  library: Pick<ImageLibrary, 'contentDir' | 'shownRoot'>,
  ref: Pick<ImageRef, 'issue' | 'src'>,
): { real: string; shown: string; stamp: string } {
  const folders = [...(ref.issue === null ? [] : [`issues/${ref.issue}/images`]), 'images'];
  const realRoot = realpathSync(library.contentDir);
  for (const folder of folders) {
    const candidate = path.join(library.contentDir, folder, ref.src);
    const shown = `${library.shownRoot}/${folder}/${ref.src}`;
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new ImageUnusable(`${shown} cannot be read (${code}) — check its permissions and links`);
    }
    // Content is published: a link to a file outside content/ would publish whatever it points at.
    const rel = path.relative(realRoot, real);
    if (rel.startsWith('..') || path.isAbsolute(rel))
      throw new ImageUnusable(
        `${shown} is a link that leads outside ${library.shownRoot}/ — copy the picture into ${library.shownRoot}/${folder}/ instead of linking to it`,
      );
    const stats = statSync(real);
    if (!stats.isFile()) throw new ImageUnusable(`${shown} is not a file — put the picture file there`);
    if (stats.size > IMAGE_LIMITS.fileBytes) throw new ImageUnusable(`${shown}: ${tooBig(stats.size)}`);
    return { real, shown, stamp: `${stats.size}:${stats.mtimeMs}:${stats.ino}` };
  }
  const where = folders.map((f) => `${library.shownRoot}/${f}/`).join(' or ');
  throw new ImageUnusable(`there is no picture "${ref.src}" in ${where} — put the file there, or check the spelling of its name`);
}

/** Turn problems into content errors at each `src`, naming the file that holds the picture. */
export function placeProblems(
  problems: readonly ImageProblem[],
  library: Pick<ImageLibrary, 'contentDir' | 'shownRoot'>,
  file: string,
  place: (path: (string | number)[]) => Omit<ContentError, 'file' | 'message'>,
): ContentError[] {
  return problems.map(({ ref, message }) => {
    let named = message;
    if (!/^there is no picture|^\S+\/\S+ (is|cannot)|^\S+: /.test(message)) {
      try {
        named = `${findImage(library, ref).shown}: ${message}`;
      } catch {
        // The message already says what is wrong with finding it.
      }
    }
    return { file, ...place(ref.path), message: named };
  });
}

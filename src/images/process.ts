// One picture made ready for email with sharp (libvips): turned upright, stripped of every piece of
// metadata (EXIF GPS in a phone photo says where it was taken), resized to twice the width it is
// shown at and never enlarged, then written as JPEG (photos), palette PNG (logos and flat
// graphics) or GIF (only when animated). The pixel count is limited before anything is decoded.
// Results are kept by the hash of the file's bytes and the width, in memory and in .cache/images/,
// so a render after a text edit does not process anything again.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputInfo } from 'sharp';

/** Limits checked before decoding: a hostile or careless file must not exhaust the machine. */
export const IMAGE_LIMITS = {
  /** Bytes of the original file. Phone photos are 2–8 MB; Mailchimp takes files up to 10 MB. */
  fileBytes: 20 * 1024 * 1024,
  /** Pixels (width × height) of the original: a 48-megapixel phone photo fits, 20,000 × 20,000 does not. */
  pixels: 50_000_000,
} as const;

/** Bumped when the output for the same input changes, so old cache entries are not reused. */
const RECIPE = 'v1-q75-mozjpeg-palette';

export type ImageFormat = 'jpeg' | 'png' | 'gif';

export interface ProcessedImage {
  /** The processed file's name: a hash of its bytes and its extension, e.g. "3f2a….jpg". It names exactly these bytes. */
  name: string;
  format: ImageFormat;
  /** Bytes of the processed file. */
  bytes: number;
  /** Pixels of the processed file. */
  pixelWidth: number;
  pixelHeight: number;
  /** The size it is shown at in the email (the HTML width and height attributes): 1×. */
  width: number;
  height: number;
  /** Width of the original, upright, in pixels; below 2 × width it looks blurred on a phone. */
  sourceWidth: number;
  sourceBytes: number;
  animated: boolean;
}

/** A file that cannot be used, in words for the person who chose it. */
export class ImageUnusable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ImageUnusable';
  }
}

const memory = new Map<string, ProcessedImage>();

export interface ImageCache {
  /** Folder of processed files, each named by its hash. */
  files: string;
  /** Folder of what was worked out for each original and width. */
  entries: string;
}

/** The cache in `dir` (a project's is files/project-paths.ts's cacheDir(root, 'images'): see content/pictures.ts). */
export function imageCache(dir: string): ImageCache {
  return { files: path.join(dir, 'files'), entries: path.join(dir, 'entries') };
}

/** The processed file's bytes, or undefined when it is not in the cache. */
export async function processedBytes(cache: ImageCache, name: string): Promise<Buffer | undefined> {
  if (!/^[0-9a-f]{32}\.(jpg|png|gif)$/.test(name)) return undefined;
  return readFile(path.join(cache.files, name)).catch(() => undefined);
}

/** Process `source` (the original file's bytes) for a slot `displayWidth` px wide. */
export async function processImage(cache: ImageCache, source: Buffer, displayWidth: number): Promise<ProcessedImage> {
  const key = `${createHash('sha256').update(source).digest('hex')}-w${displayWidth}-${RECIPE}`;
  // Remembered only while its file is still there: a removed .cache/ is filled again.
  const remembered = memory.get(key);
  const known = remembered && existsSync(path.join(cache.files, remembered.name)) ? remembered : await fromDisk(cache, key);
  if (known) {
    memory.set(key, known);
    return known;
  }
  const { image, bytes } = await encode(source, displayWidth);
  await writeCacheFile(path.join(cache.files, image.name), bytes);
  await writeCacheFile(path.join(cache.entries, `${key}.json`), JSON.stringify(image));
  memory.set(key, image);
  return image;
}

async function fromDisk(cache: ImageCache, key: string): Promise<ProcessedImage | undefined> {
  const entry = await readFile(path.join(cache.entries, `${key}.json`), 'utf8').catch(() => undefined);
  if (!entry) return undefined;
  try {
    const image = JSON.parse(entry) as ProcessedImage;
    // The entry is trusted only with its file beside it, unchanged.
    const bytes = await processedBytes(cache, image.name);
    if (bytes && nameFor(bytes, image.format) === image.name) return image;
  } catch {
    // A damaged entry is worked out again.
  }
  return undefined;
}

/**
 * Written beside its name and renamed into place. A cache file needs no more: an entry is trusted
 * only with its file beside it, whose name is the hash of its bytes, so a half-written one is made again.
 */
async function writeCacheFile(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  await writeFile(temp, data);
  await rename(temp, file);
}

function nameFor(bytes: Buffer, format: ImageFormat): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${format === 'jpeg' ? 'jpg' : format}`;
}

/**
 * sharp, loaded when a picture is first processed: its native library takes longer to load than a
 * warm `check` of an issue without pictures takes in all (see DECISIONS.md, issue 27).
 */
let sharpModule: Promise<typeof import('sharp')> | undefined;
const loadSharp = async () => (await (sharpModule ??= import('sharp'))).default;

async function encode(source: Buffer, displayWidth: number): Promise<{ image: ProcessedImage; bytes: Buffer }> {
  if (source.length > IMAGE_LIMITS.fileBytes) throw new ImageUnusable(tooBig(source.length));
  const sharp = await loadSharp();
  // failOn 'warning': a truncated JPEG is refused rather than shown with a grey half. Read once, top
  // to bottom (sequentialRead): nothing is decoded twice and no whole-image buffer is held.
  const options = { limitInputPixels: IMAGE_LIMITS.pixels, failOn: 'warning' as const, sequentialRead: true };
  // The header only, all frames counted, so an animated GIF is known before anything is decoded.
  const meta = await sharp(source, { ...options, animated: true })
    .metadata()
    .catch((e: unknown) => {
      throw new ImageUnusable(readFailure(e));
    });
  refuseFormat(meta.format);
  const pages = meta.pages ?? 1;
  const animated = meta.format === 'gif' && pages > 1;
  const pixels = (meta.width ?? 0) * (meta.pageHeight ?? meta.height ?? 0);
  if (pixels > IMAGE_LIMITS.pixels) throw new ImageUnusable(tooManyPixels(meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0));
  // EXIF orientations 5–8 turn the picture a quarter: its upright width is its stored height.
  const sideways = (meta.orientation ?? 1) >= 5;
  const sourceWidth = (sideways ? (meta.pageHeight ?? meta.height) : meta.width) ?? 0;
  const targetWidth = Math.min(sourceWidth, displayWidth * 2);
  const base = () =>
    sharp(source, { ...options, animated })
      .autoOrient()
      // fastShrinkOnLoad: a JPEG is decoded at 1/2, 1/4 or 1/8 size straight away when that is still
      // at least the target (a 4032 px photo for 1200 px: half), then resized the rest of the way.
      .resize({ width: targetWidth, withoutEnlargement: true, fastShrinkOnLoad: true })
      // sRGB, as email programs expect; no metadata is kept (sharp's default: EXIF, GPS, XMP, ICC all go).
      .toColourspace('srgb');
  try {
    let out: { data: Buffer; info: OutputInfo };
    let format: ImageFormat;
    if (animated) {
      out = await base().gif({ effort: 7 }).toBuffer({ resolveWithObject: true });
      format = 'gif';
    } else if (meta.format === 'jpeg' || meta.format === 'tiff') {
      out = await base().jpeg({ quality: 75, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      format = 'jpeg';
    } else {
      // A PNG or still GIF: a logo or drawing keeps sharp edges in a palette PNG; a photo saved as
      // PNG is much smaller as JPEG. Whichever is smaller wins, unless the picture is see-through.
      const png = await base().png({ palette: true, quality: 90, effort: 8, compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
      const jpeg = meta.hasAlpha
        ? undefined
        : await base().flatten({ background: '#ffffff' }).jpeg({ quality: 75, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      [out, format] = jpeg && jpeg.data.length * 1.5 < png.data.length ? [jpeg, 'jpeg'] : [png, 'png'];
    }
    const pixelWidth = out.info.width;
    const pixelHeight = animated ? (out.info.pageHeight ?? out.info.height) : out.info.height;
    // Shown at the slot's width whatever the pixels; a narrower picture is stretched (the check warns).
    const width = displayWidth;
    const height = Math.max(1, Math.round((width * pixelHeight) / pixelWidth));
    const image: ProcessedImage = {
      name: nameFor(out.data, format),
      format,
      bytes: out.data.length,
      pixelWidth,
      pixelHeight,
      width,
      height,
      sourceWidth,
      sourceBytes: source.length,
      animated,
    };
    return { image, bytes: out.data };
  } catch (e) {
    if (e instanceof ImageUnusable) throw e;
    throw new ImageUnusable(readFailure(e));
  }
}

function refuseFormat(format: string | undefined): void {
  if (format === 'svg')
    throw new ImageUnusable(
      'this file is an SVG drawing, which Gmail and Outlook for Windows do not show — export it as PNG and use that file',
    );
  if (format === 'webp' || format === 'heif' || format === 'avif')
    throw new ImageUnusable(
      `this file is ${format === 'webp' ? 'a WebP' : 'an AVIF or HEIC'} picture, whatever its name says, which Outlook for Windows does not show — save it as JPEG (a photo) or PNG (a logo or drawing)`,
    );
  if (format !== 'jpeg' && format !== 'png' && format !== 'gif' && format !== 'tiff')
    throw new ImageUnusable(
      `this file is ${format ? `a ${format.toUpperCase()} file` : 'not a picture'}, whatever its name says — save the picture as JPEG (a photo) or PNG (a logo or drawing)`,
    );
}

function readFailure(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  if (/pixel limit/i.test(text))
    return 'the picture has more pixels than the tool reads (50 million) — resize it to at most 4000 pixels wide first';
  if (/unsupported image format|bad seek|not a known file format/i.test(text))
    return 'this file is not a picture, whatever its name says — choose the JPEG or PNG file of the picture';
  if (/premature end|truncated|corrupt|invalid|read error|unexpected end/i.test(text))
    return 'the picture is damaged or cut short (the file ends before the picture does) — export or download it again';
  return `the picture cannot be read (${text.split('\n')[0]!.slice(0, 120)}) — export it again as JPEG or PNG`;
}

export function tooBig(bytes: number): string {
  return `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the ${IMAGE_LIMITS.fileBytes / 1024 / 1024} MB the tool reads — make it smaller (at most 4000 pixels wide) first`;
}

function tooManyPixels(w: number, h: number): string {
  return `the picture is ${w.toLocaleString('en-GB')} × ${h.toLocaleString('en-GB')} pixels, more than the 50 million the tool reads — resize it to at most 4000 pixels wide first`;
}

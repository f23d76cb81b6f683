// sharp's part: upright, no metadata, twice the display width and never more than the original,
// the right format for each kind of picture, and the limits checked before decoding.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { imageCacheIn } from '../../src/content/pictures.js';
import { type ImageCache, ImageUnusable, processedBytes, processImage } from '../../src/images/process.js';
import { animatedGif, flatLogo, hugePngHeader, phonePhoto } from './fixtures.js';

let root: string;
let cache: ImageCache;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'images-'));
  cache = imageCacheIn(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof ImageUnusable ? e.reason : `not an ImageUnusable: ${String(e)}`),
  );

describe('a phone photo', () => {
  test('is turned upright, stripped of EXIF and GPS, made 1200 px wide JPEG, and shown 600 wide', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    // The fixture really carries what must go: a GPS position, a camera, a sideways orientation.
    expect(before.exif?.toString('latin1')).toContain('PhoneMaker');
    expect(before.orientation).toBe(6);
    expect([before.width, before.height]).toEqual([1512, 2016]);

    const done = await processImage(cache, photo, 600);
    const bytes = (await processedBytes(cache, done.name))!;
    const after = await sharp(bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(bytes.toString('latin1')).not.toContain('PhoneMaker');
    // Orientation 6 is a quarter turn: stored 1512 × 2016, upright 2016 × 1512.
    expect([after.width, after.height]).toEqual([1200, 900]);
    expect(done).toMatchObject({ format: 'jpeg', pixelWidth: 1200, pixelHeight: 900, width: 600, height: 450, sourceWidth: 2016 });
    expect(done.name).toMatch(/^[0-9a-f]{32}\.jpg$/);
    expect(done.bytes).toBe(bytes.length);
  });

  test('is never enlarged: an 800 px photo stays 800 px, shown at the slot width', async () => {
    const small = await sharp(await phonePhoto(800, 600))
      .rotate(0)
      .toBuffer();
    const done = await processImage(cache, small, 600);
    expect(done.pixelWidth).toBeLessThanOrEqual(800);
    expect(done.width).toBe(600);
    expect(done.sourceWidth).toBeLessThan(1200);
  });

  test('is processed once: the same bytes give the same file from the cache', async () => {
    const photo = await phonePhoto(1600, 1200);
    const first = await processImage(cache, photo, 552);
    const files = await readdir(cache.files);
    const second = await processImage(cache, photo, 552);
    expect(second).toEqual(first);
    expect(await readdir(cache.files)).toEqual(files);
    // A fresh cache object over the same folder reads the entry from disk.
    expect(await processImage(imageCacheIn(root), photo, 552)).toEqual(first);
  });
});

test('a flat logo becomes a palette PNG', async () => {
  const done = await processImage(cache, await flatLogo(), 200);
  const after = await sharp((await processedBytes(cache, done.name))!).metadata();
  expect(done.format).toBe('png');
  expect(after.isPalette).toBe(true);
  expect([done.width, done.height]).toEqual([200, 60]);
});

test('an animated GIF stays an animated GIF; a still one does not', async () => {
  const moving = await processImage(cache, await animatedGif(), 552);
  expect(moving).toMatchObject({ format: 'gif', animated: true });
  expect((await sharp((await processedBytes(cache, moving.name))!, { animated: true }).metadata()).pages).toBe(2);
  const still = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#1d70b8' } })
    .gif()
    .toBuffer();
  expect((await processImage(cache, still, 552)).format).toBe('png');
});

describe('bad input is refused in words, before decoding', () => {
  test('a file that is not a picture, whatever its name', async () => {
    expect(await refusal(processImage(cache, Buffer.from('this is a text file named photo.jpg'), 600))).toMatch(
      /^this file is not a picture, whatever its name says/,
    );
  });
  test('a truncated JPEG', async () => {
    const photo = await phonePhoto(1200, 900);
    expect(await refusal(processImage(cache, photo.subarray(0, Math.floor(photo.length / 2)), 600))).toMatch(/damaged or cut short/);
  });
  test('20,000 × 20,000 pixels (a header that claims it; nothing is decoded)', async () => {
    expect(await refusal(processImage(cache, hugePngHeader(), 600))).toMatch(/more pixels than the tool reads|20,000 × 20,000/);
  });
  test('SVG and WebP, whatever the name', async () => {
    expect(
      await refusal(processImage(cache, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 600)),
    ).toMatch(/SVG .* Gmail and Outlook/);
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } })
      .webp()
      .toBuffer();
    expect(await refusal(processImage(cache, webp, 600))).toMatch(
      /WebP picture, whatever its name says, which Outlook for Windows does not show/,
    );
  });
  test('a 50 MB file', async () => {
    expect(await refusal(processImage(cache, Buffer.alloc(50 * 1024 * 1024), 600))).toMatch(/^the file is 50\.0 MB, more than the 20 MB/);
  });
});

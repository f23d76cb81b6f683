// The editor's picture field in Chromium: choose a file and it is saved into the issue's images/
// folder, its name fills the field and a thumbnail shows; the issue changes only on Save; a file
// that is not a picture is refused in words with nothing written; Remove takes the picture out on Save.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cspViolations } from '../helpers/browser.js';
import { studioInBrowser } from '../studio/studio-browser.js';
import { addPictures, phonePhoto } from './fixtures.js';

const studio = studioInBrowser((p) => addPictures(p));

const ISSUE = () => path.join(studio.run.project.root, 'content/issues/2022-04/issue.yaml');
const IMAGES = () => path.join(studio.run.project.root, 'content/issues/2022-04/images');

async function open(): Promise<{ page: Page; csp: string[] }> {
  const page = await studio.context.newPage();
  const csp = cspViolations(page);
  expect((await page.goto(`${studio.run.url}/issues/2022-04/edit/`))?.status()).toBe(200);
  await page.waitForSelector('body[data-validated]');
  return { page, csp };
}

test('choosing a photo saves the file, fills the field, shows a thumbnail; the issue changes only on Save', async () => {
  const { page, csp } = await open();
  // The existing picture's thumbnail is shown.
  await page.waitForFunction(
    () => (document.getElementById('f.sections.2.image.src-thumb') as HTMLImageElement | null)?.naturalWidth,
    undefined,
    { timeout: 8000 },
  );
  const before = await readFile(ISSUE(), 'utf8');
  const src = '[id="f.sections.5.image.src"]';
  await page.setInputFiles('[data-picture-input="f.sections.5.image.src"]', {
    name: 'Panel Event (1).JPG',
    mimeType: 'image/jpeg',
    buffer: await phonePhoto(1600, 1200),
  });
  await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLInputElement).value === 'panel-event-1.jpg', src, {
    timeout: 8000,
  });
  expect(await readdir(IMAGES())).toContain('panel-event-1.jpg');
  await page.waitForFunction(
    () => (document.getElementById('f.sections.5.image.src-thumb') as HTMLImageElement).naturalWidth > 0,
    undefined,
    { timeout: 8000 },
  );
  // Not saved yet: the issue file is as it was, and alt text is asked for.
  expect(await readFile(ISSUE(), 'utf8')).toBe(before);
  await page.waitForFunction(() => !document.getElementById('f.sections.5.image.alt-error')!.hidden, undefined, { timeout: 8000 });
  expect(await page.locator('[id="f.sections.5.image.alt-error"]').textContent()).toMatch(
    /is missing — add "alt:" saying what the picture means/,
  );
  await page.locator('[id="f.sections.5.image.alt"]').fill('Panel members at the practitioner event in Leeds');
  await page.click('#save');
  await page.waitForSelector('#save-diff', { state: 'attached' });
  const after = await readFile(ISSUE(), 'utf8');
  expect(after).toMatch(/ {4}image:\n {6}src: panel-event-1\.jpg\n {6}alt: Panel members at the practitioner event in Leeds\n/);
  expect(csp).toEqual([]);
  await page.close();
});

test('a file that is not a picture is refused in words, and nothing is written', async () => {
  const { page } = await open();
  const files = await readdir(IMAGES());
  await page.setInputFiles('[data-picture-input="f.sections.2.image.src"]', {
    name: 'notes.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('meeting notes, not a picture'),
  });
  await page.waitForFunction(
    () => /not a picture/.test(document.getElementById('f.sections.2.image.src-status')!.textContent ?? ''),
    undefined,
    { timeout: 8000 },
  );
  expect(await page.locator('[id="f.sections.2.image.src-status"]').textContent()).toBe(
    'notes.jpg: this file is not a picture, whatever its name says — choose the JPEG or PNG file of the picture',
  );
  expect(await readdir(IMAGES())).toEqual(files);
  expect(await page.locator('[id="f.sections.2.image.src"]').inputValue()).toBe('residential-setting.jpg');
  await page.close();
});

test('Remove picture takes the image out of the issue when saved', async () => {
  const { page } = await open();
  const pictures = (text: string) => text.match(/^ {4}image:/gm)?.length ?? 0;
  const before = await readFile(ISSUE(), 'utf8');
  await page.click('[data-picture-remove="f.sections.2.image.src"]');
  await page.click('#save');
  await page.waitForSelector('#save-diff', { state: 'attached' });
  const after = await readFile(ISSUE(), 'utf8');
  expect(after).not.toContain('residential-setting.jpg');
  expect(pictures(after)).toBe(pictures(before) - 1);
  expect(after).not.toMatch(/alt: An empty corridor/);
  // The file stays in images/: a picture is never deleted by the editor.
  expect(await readdir(IMAGES())).toContain('residential-setting.jpg');
  await page.close();
});

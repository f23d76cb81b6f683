// Pictures in content: found, processed, written into the email with 1× width and height, pinned
// by the content hash; every bad picture a located error naming the file, other issues still working.
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { formatContentError } from '../../src/content/errors.js';
import { errorsFor, findIssue, loadProject, loadTemplates } from '../../src/pipeline.js';
import { renderIssue } from '../../src/render/index.js';
import type { TempProject } from '../helpers/project.js';
import { aprilWithPictures, phonePhoto } from './fixtures.js';

let project: TempProject | undefined;
afterEach(() => project?.remove());

const ISSUE = 'content/issues/2022-04/issue.yaml';
const imgs = (html: string) => html.match(/<img\b[^>]*>/g) ?? [];

async function render(p: TempProject) {
  const loaded = await loadProject(p.paths);
  expect(errorsFor(loaded, ['2022-04']).map(formatContentError)).toEqual([]);
  return renderIssue(loaded.content!, findIssue(loaded.content!, '2022-04'), await loadTemplates(p.paths));
}

async function problems(p: TempProject, id = '2022-04') {
  const loaded = await loadProject(p.paths);
  return errorsFor(loaded, [id]).map(formatContentError);
}

test('the logo and the photo are in the email and the web version, 2× files with 1× width and height attributes', async () => {
  project = await aprilWithPictures();
  const rendered = await render(project);
  const [logo, photo] = imgs(rendered.html);
  expect(logo).toMatch(/src="\/images\/[0-9a-f]{32}\.png" width="200" height="60" alt="Child Safeguarding Practice Review Panel"/);
  expect(photo).toMatch(
    /src="\/images\/[0-9a-f]{32}\.jpg" width="600" height="450"\s+alt="An empty corridor of a residential home, with doors to the bedrooms"/,
  );
  expect(rendered.html.replace(/\s+/g, ' ')).toContain('A residential setting (posed by models)');
  expect(imgs(rendered.web)).toHaveLength(2);
  expect(rendered.web).toMatch(/<figure class="picture"><img src="\/images\/[0-9a-f]{32}\.jpg" width="600" height="450"/);
});

test('the content hash pins the picture: other bytes under the same name make a new hash; a text-only reload does not', async () => {
  project = await aprilWithPictures();
  const first = await render(project);
  expect((await render(project)).hash).toBe(first.hash);
  await writeFile(path.join(project.root, 'content/issues/2022-04/images/residential-setting.jpg'), await phonePhoto(1600, 1200, 80));
  const changed = await render(project);
  expect(changed.hash).not.toBe(first.hash);
});

test('an issue without pictures renders exactly as before (same HTML, same hash)', async () => {
  project = await aprilWithPictures();
  const withLogo = await render(project);
  await project.edit('content/newsletter.yaml', /^masthead:\n( {2}.*\n)+/m, '');
  await project.edit(ISSUE, /^ {4}image:\n( {6}.*\n)+/m, '');
  const plain = await render(project);
  expect(imgs(plain.html)).toEqual([]);
  expect(plain.html).not.toContain('/images/');
  expect(plain.hash).not.toBe(withLogo.hash);
});

test('a decorative picture gets alt=""; a picture with neither alt nor decorative is an error at its field', async () => {
  project = await aprilWithPictures();
  await project.edit(ISSUE, / {6}alt: An empty corridor.*\n/, '      decorative: true\n');
  // MJML's minifier writes alt="" as a bare alt, which HTML reads as the same empty alt text.
  const photo = imgs((await render(project)).html)[1]!;
  expect(photo).toMatch(/\salt(="")?\s/);
  expect(photo).not.toMatch(/alt="[^"]/);
  await project.edit(ISSUE, '      decorative: true\n', '');
  expect(await problems(project)).toEqual([
    expect.stringMatching(
      /^content\/issues\/2022-04\/issue\.yaml:\d+:\d+ section 3 \(article\), image\.alt: is missing — add "alt:" saying what the picture means .* or write decorative: true/,
    ),
  ]);
});

describe('each bad picture is an error at its src, naming the file, and other issues still work', () => {
  const cases: [string, (p: TempProject, file: string) => Promise<void>, RegExp][] = [
    [
      'a text file named .jpg',
      (_p, f) => writeFile(f, 'not a picture at all'),
      /residential-setting\.jpg: this file is not a picture, whatever its name says/,
    ],
    [
      'a truncated JPEG',
      async (_p, f) => writeFile(f, (await phonePhoto(1200, 900)).subarray(0, 20000)),
      /residential-setting\.jpg: the picture is damaged or cut short/,
    ],
    [
      'an SVG named .jpg',
      (_p, f) => writeFile(f, '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
      /residential-setting\.jpg: this file is an SVG drawing/,
    ],
    [
      'a 50 MB file',
      async (_p, f) => writeFile(f, Buffer.alloc(50 * 1024 * 1024)),
      /residential-setting\.jpg: the file is 50\.0 MB, more than the 20 MB/,
    ],
    [
      'a missing file',
      (_p, f) => rm(f),
      /there is no picture "residential-setting\.jpg" in content\/issues\/2022-04\/images\/ or content\/images\//,
    ],
    [
      'a link that leads outside content/',
      async (p, f) => {
        await rm(f);
        await writeFile(path.join(p.root, 'secret.jpg'), await phonePhoto(800, 600));
        await symlink(path.join(p.root, 'secret.jpg'), f);
      },
      /residential-setting\.jpg is a link that leads outside content\//,
    ],
  ];
  test.each(cases)('%s', async (_name, spoil, message) => {
    project = await aprilWithPictures();
    await cp(path.join(project.root, 'content/issues/2022-04'), path.join(project.root, 'content/issues/2022-05'), { recursive: true });
    await rm(path.join(project.root, 'content/issues/2022-05/images'), { recursive: true });
    await project.edit('content/issues/2022-05/issue.yaml', /^sendAt: .*$/m, 'sendAt: "2022-05-05 09:00"');
    await project.edit('content/issues/2022-05/issue.yaml', /^ {4}image:\n( {6}.*\n)+/m, '');
    await spoil(project, path.join(project.root, 'content/issues/2022-04/images/residential-setting.jpg'));
    const found = await problems(project);
    expect(found).toEqual([expect.stringMatching(/^content\/issues\/2022-04\/issue\.yaml:\d+:\d+ section 3 \(article\), image\.src: /)]);
    expect(found[0]).toMatch(message);
    expect(await problems(project, '2022-05')).toEqual([]);
  });

  test('a src that is a path, an address, inline data or an SVG is refused when the file is read', async () => {
    project = await aprilWithPictures();
    for (const [src, said] of [
      ['../../../etc/passwd.jpg', /is not a file name — pictures are read only from the issue's images\/ folder and content\/images\//],
      ['https://example.org/a.jpg', /is an address/],
      ['"data:image/png;base64,AAAA"', /inline data: pictures are not shown by Gmail or Outlook for Windows/],
      ['logo.svg', /SVG is not shown by Gmail or Outlook for Windows — export the picture as PNG/],
      ['photo.webp', /WEBP is not shown by Outlook for Windows/],
    ] as const) {
      await project.edit(ISSUE, / {6}src: .*\n/, `      src: ${src}\n`);
      expect(await problems(project)).toEqual([
        expect.stringMatching(new RegExp(`section 3 \\(article\\), image\\.src: .*${said.source}`)),
      ]);
    }
  });
});

test('the masthead logo is looked for in content/images/; a missing one stops every issue, naming newsletter.yaml', async () => {
  project = await aprilWithPictures();
  await mkdir(path.join(project.root, 'content/issues/2022-04/images'), { recursive: true });
  await rm(path.join(project.root, 'content/images/panel-logo.png'));
  expect(await problems(project)).toEqual([
    expect.stringMatching(
      /^content\/newsletter\.yaml:\d+:\d+ masthead\.logo\.src: there is no picture "panel-logo\.png" in content\/images\//,
    ),
  ]);
});

// The checks on pictures, each finding on its field: alt text that says nothing, a blurred or heavy
// picture, and a photo in an issue about case reviews without a person's word that nobody can be identified.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { checkIssue, findIssue, loadProject, loadTemplates } from '../../src/pipeline.js';
import { renderIssue } from '../../src/render/index.js';
import type { TempProject } from '../helpers/project.js';
import { aprilWithPictures, phonePhoto } from './fixtures.js';

let project: TempProject | undefined;
afterEach(() => project?.remove());

const ISSUE = 'content/issues/2022-04/issue.yaml';
const ACK =
  'acknowledgements:\n  - code: privacy/photo\n    text: residential-setting.jpg\n    reason: no child or family can be identified from this picture\n    by: A. Secretariat\n';

async function findings(p: TempProject, codes: RegExp = /^(images|privacy\/photo|size\/image)/) {
  const { report } = await checkIssue(p.paths, '2022-04');
  return report.findings
    .filter((f) => codes.test(f.code))
    .map((f) => `${f.severity} ${f.code} ${f.file}:${f.line} ${f.field}: ${f.message}`);
}

test('a photo in an issue about case reviews is an error until acknowledged; the logo (PNG) is not asked about', async () => {
  project = await aprilWithPictures();
  expect(await findings(project)).toEqual([
    expect.stringMatching(
      /^error privacy\/photo content\/issues\/2022-04\/issue\.yaml:\d+ image\.src: the photo residential-setting\.jpg is in an issue about case reviews/,
    ),
  ]);
  await writeFile(path.join(project.root, ISSUE), (await project.read(ISSUE)) + ACK);
  expect(await findings(project)).toEqual([]);
  const { report } = await checkIssue(project.paths, '2022-04');
  expect(report.acknowledged).toEqual([
    expect.objectContaining({ code: 'privacy/photo', text: 'residential-setting.jpg', by: 'A. Secretariat' }),
  ]);
});

test.each([
  ['residential-setting.jpg', /error images\/alt-file-name .* image\.alt: the alt text "residential-setting\.jpg" is the file name/],
  ['Residential setting', /error images\/alt-file-name/],
  ['Photo', /error images\/alt-says-nothing .* image\.alt: the alt text "Photo" says what kind of thing it is/],
  ['Image of a corridor', /error images\/alt-kind-of .* image\.alt: the alt text starts "Image of"/],
  ['Logo of the Panel', /error images\/alt-kind-of/],
  ['A corridor '.repeat(15).trim(), /error images\/alt-too-long .* the alt text is 164 characters/],
])('alt text %j is an error at image.alt', async (alt, expected) => {
  project = await aprilWithPictures();
  await project.edit(ISSUE, / {6}alt: An empty corridor.*\n/, `      alt: ${JSON.stringify(alt)}\n`);
  await writeFile(path.join(project.root, ISSUE), (await project.read(ISSUE)) + ACK);
  expect(await findings(project)).toEqual([expect.stringMatching(expected)]);
});

test('a picture narrower than twice its display width is a warning that it will look blurred on phones', async () => {
  project = await aprilWithPictures(await phonePhoto(600, 800));
  await writeFile(path.join(project.root, ISSUE), (await project.read(ISSUE)) + ACK);
  expect(await findings(project)).toEqual([
    expect.stringMatching(
      /^warning images\/too-narrow content\/issues\/2022-04\/issue\.yaml:\d+ image\.src: the picture residential-setting\.jpg is 800 pixels wide but shown 600 wide; it will look blurred on phones/,
    ),
  ]);
});

test('over 1 MB after processing is an error; over 200 KB a warning', async () => {
  project = await aprilWithPictures();
  const loaded = await loadProject(project.paths);
  const content = loaded.content!;
  const issue = findIssue(content, '2022-04');
  const rendered = await renderIssue(content, issue, await loadTemplates(project.paths));
  // The weight as processing left it, made heavier: what the checks judge is the processed file's size.
  for (const [key, done] of content.images!.processed)
    if (done.format === 'jpeg') content.images!.processed.set(key, { ...done, bytes: 1.5 * 1024 * 1024 });
  const report = await runChecks(
    { content, issue, rendered },
    { localImages: { [`/images/${[...content.images!.processed.values()].find((d) => d.format === 'jpeg')!.name}`]: 1.5 * 1024 * 1024 } },
  );
  const codes = report.findings.filter((f) => /^(images|size\/image)/.test(f.code)).map((f) => `${f.severity} ${f.code}`);
  expect(codes.sort()).toEqual(['error images/too-heavy', 'warning size/image-heavy', 'warning size/images-total']);
});

test("the accessibility statement's facts include the picture rules the tool enforces", async () => {
  const { accessibilityStatementPage } = await import('../../src/site/accessibility.js');
  const { CHECKS } = await import('../../src/check/registry.js');
  project = await aprilWithPictures();
  const newsletter = (await loadProject(project.paths)).content!.newsletter;
  const page = accessibilityStatementPage({ ...newsletter, accessibility: newsletter.accessibility! }, CHECKS, {
    archive: '../archive/',
    publicUrl: 'https://example.org/archive/',
  });
  expect(page).toContain(
    'images: every picture has alt text that says what it means (or is marked decorative), is sharp on a phone and under 1 MB (WCAG 2.2: 1.1.1 Non-text Content)',
  );
});

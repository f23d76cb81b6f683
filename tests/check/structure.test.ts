// Email structure: merge tags present and spelt right, no template leftovers; size and images.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeTagsCheck } from '../../src/check/checks/merge-tags.js';
import { sizeCheck } from '../../src/check/checks/size.js';
import { checkIssue } from '../../src/pipeline.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { appendToBody, checkApril, SECTION, withCode } from './april.js';

const LAYOUT = 'templates/email/layout.mjml.hbs';
const ARTICLE = 'templates/email/sections/article.mjml.hbs';
const SAY = 'templates/email/sections/have-your-say.mjml.hbs';

describe('merge-tags check', () => {
  it('a misspelt tag in a section template is an unknown tag in that section, with the likely tag', async () => {
    const report = await checkApril({ template: [SAY, '</mj-text>', '<p><a href="*|UNSUBB|*">Leave</a></p></mj-text>'] }, [mergeTagsCheck]);
    const [finding] = withCode(report, 'merge-tags/unknown');
    expect(finding).toMatchObject({ severity: 'error', section: SECTION.say });
    expect(finding!.message).toContain('did you mean *|UNSUB|*?');
  });

  it('a tag in lower case is malformed; in the layout it belongs to the whole issue', async () => {
    const report = await checkApril({ template: [LAYOUT, '<p>*|LIST:ADDRESSLINE|*</p>', '<p>*|LIST:ADDRESSLINE|*</p><p>*|fname|*</p>'] }, [
      mergeTagsCheck,
    ]);
    expect(withCode(report, 'merge-tags/malformed').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['error', null, '"*|fname|*" in the email HTML starts a merge tag but is not one — a tag is *|NAME|* in capitals'],
    ]);
  });

  it('a required tag taken out of the layout is missing from the HTML', async () => {
    const report = await checkApril({ template: [LAYOUT, '<a href="*|ABOUT_LIST|*">why did I get this?</a>', ''] }, [mergeTagsCheck]);
    expect(withCode(report, 'merge-tags/missing')).toEqual([
      { code: 'merge-tags/missing', severity: 'error', section: null, message: 'the email HTML has no *|ABOUT_LIST|*' },
    ]);
  });

  it('a Handlebars placeholder written into the content reaches HTML and text: one leftover in its section', async () => {
    const report = await checkApril(appendToBody(2, 'Dear {{FNAME}}, thank you.'), [mergeTagsCheck]);
    expect(withCode(report, 'merge-tags/template-leftover').map((f) => [f.severity, f.section])).toEqual([['error', SECTION.review]]);
    expect(report.findings.map((f) => f.message)).toEqual([
      '"{{FNAME}}" in the email HTML and the plain text is a Handlebars placeholder that was never filled in',
    ]);
  });
});

describe('size check', () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it('warns above 80 KB and is an error above 95 KB', async () => {
    const padded = (kb: number) => ({
      rendered: (r: { html: string }) => ({ html: r.html.replace('</body>', `<!-- ${'x'.repeat(kb * 1024)} --></body>`) }),
    });
    expect(withCode(await checkApril(padded(50), [sizeCheck]), 'size/near-clip').map((f) => f.severity)).toEqual(['warning']);
    expect(withCode(await checkApril(padded(70), [sizeCheck]), 'size/clipped').map((f) => f.severity)).toEqual(['error']);
  });

  it('an image without a width is an error in its section', async () => {
    const report = await checkApril(
      { template: [ARTICLE, '</mj-text>', '<img src="https://example.org/chart.png" alt="A chart"></mj-text>'] },
      [sizeCheck],
    );
    expect(withCode(report, 'size/image-width').map((f) => [f.severity, f.section])).toEqual([
      ['error', SECTION.review],
      ['error', SECTION.lcsprs],
    ]);
  });

  it('local images are weighed beside the issue: a heavy one warns, a missing one is an error', async () => {
    project = await tempProject();
    await project.edit(ARTICLE, '</mj-text>', '<img src="chart.png" width="552" alt="A chart"></mj-text>');
    await project.edit(
      'templates/email/sections/recruitment.mjml.hbs',
      '</mj-text>',
      '<img src="missing.png" width="552" alt="Panel members"></mj-text>',
    );
    await writeFile(path.join(project.root, 'content/issues/2022-04/chart.png'), Buffer.alloc(300 * 1024));
    const { report } = await checkIssue(project.paths, '2022-04');
    expect(report.findings.filter((f) => f.code.startsWith('size/')).map((f) => [f.code, f.severity, f.section?.index])).toEqual([
      ['size/image-heavy', 'warning', 2],
      ['size/image-missing', 'error', 4],
      ['size/image-heavy', 'warning', 5],
    ]);
  });

  it('an image path leading outside content/ is never weighed: it is missing', async () => {
    project = await tempProject();
    // package.json exists three folders up from the issue, outside content/.
    await project.write('package.json', '{}');
    await project.edit(ARTICLE, '</mj-text>', '<img src="../../../package.json" width="552" alt="A chart"></mj-text>');
    const { report } = await checkIssue(project.paths, '2022-04');
    const codes = report.findings.filter((f) => f.code.startsWith('size/')).map((f) => f.code);
    expect(codes.length).toBeGreaterThan(0); // one for each article section the template serves
    expect(new Set(codes)).toEqual(new Set(['size/image-missing']));
  });

  it('local images heavier than 800 KB in all warn for the whole issue', async () => {
    const report = await checkApril(
      { template: [ARTICLE, '</mj-text>', '<img src="photo.jpg" width="552" alt="A photo"></mj-text>'] },
      [sizeCheck],
      { localImages: { 'photo.jpg': 450 * 1024 } },
    );
    expect(withCode(report, 'size/images-total').map((f) => [f.severity, f.section])).toEqual([['warning', null]]);
  });
});

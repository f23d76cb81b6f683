// Templates run in strict mode: a missing value fails the build with the template, place and field.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/render/templates.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { renderFrom } from '../helpers/render.js';

describe('templates', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('a missing value is an error naming the template, line, column and field', async () => {
    await project.write(
      'templates/email/sections/recruitment.mjml.hbs',
      '<mj-section>\n  <mj-column>\n    <mj-text>{{title}} closes {{closingDat}}</mj-text>\n  </mj-column>\n</mj-section>\n',
    );
    const error = await renderFrom(project.paths).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe(
      'templates/email/sections/recruitment.mjml.hbs:3:33 the template uses "closingDat", but this issue has no such value — fix the name in the template, or add the field to the content',
    );
  });

  it('a missing value in the layout names the layout', async () => {
    await project.edit('templates/web/layout.html.hbs', '{{newsletter.name}}</h1>', '{{newsletter.title}}</h1>');
    await expect(renderFrom(project.paths)).rejects.toThrow(/^templates\/web\/layout\.html\.hbs:\d+:\d+ the template uses "title"/);
  });

  it('a syntax error names the file', async () => {
    await project.write('templates/web/sections/article.html.hbs', '<section>{{#if title}}<h2>{{title}}</h2></section>\n');
    await expect(renderFrom(project.paths)).rejects.toThrow(
      /^templates\/web\/sections\/article\.html\.hbs:\d+:\d+ .*check the Handlebars syntax here$/,
    );
  });

  it('a missing section template says which file to create', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(`${project.root}/templates/email/sections/have-your-say.mjml.hbs`);
    await expect(renderFrom(project.paths)).rejects.toThrow(
      'templates/email/sections/have-your-say.mjml.hbs:1:1 the template is missing — create templates/email/sections/have-your-say.mjml.hbs',
    );
  });

  it('markup MJML rejects is reported with the section it is in', async () => {
    await project.edit('templates/email/sections/recruitment.mjml.hbs', '<mj-column>', '<mj-column bogus-attribute="1">');
    const rendered = await renderFrom(project.paths);
    expect(rendered.mjmlProblems).toEqual([expect.objectContaining({ tagName: 'mj-column', section: 4 })]);
  });
});

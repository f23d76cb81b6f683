// The studio works in proportion to the change: nothing is rendered at start, a sent issue is
// shown from its sent record and never rendered, and a change to regions.yaml re-renders only the
// drafts that show the regional links.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderIssue } from '../../src/render/index.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { type TempProject, tempProject } from '../helpers/project.js';

let project: TempProject;
let rendered: string[];
const counting: typeof renderIssue = (content, issue, templates, options) => {
  rendered.push(issue.id);
  return renderIssue(content, issue, templates, options);
};

beforeEach(async () => {
  project = await tempProject();
  rendered = [];
  const april = (await project.read('content/issues/2022-04/issue.yaml')).replace(/^status: sent\n/m, '');
  // Two drafts: one with the regional links, one without that section.
  await mkdir(path.join(project.root, 'content/issues/2099-01'));
  await project.write('content/issues/2099-01/issue.yaml', april.replace(/^sendAt: .*$/m, 'sendAt: "2099-01-05 09:00"'));
  await mkdir(path.join(project.root, 'content/issues/2099-02'));
  const withoutRegions = april.replace(/^ {2}- type: regional-links\n[\s\S]*?(?=^ {2}- type: )/m, '');
  expect(withoutRegions).not.toContain('regional-links');
  await project.write('content/issues/2099-02/issue.yaml', withoutRegions.replace(/^sendAt: .*$/m, 'sendAt: "2099-02-05 09:00"'));
});
afterEach(() => project.remove());

describe('the studio renders in proportion to the change', () => {
  it('renders nothing at start, and shows a sent issue from its record without rendering it', async () => {
    const ws = await Workspace.open(project.paths, 'http://127.0.0.1:1', { render: counting });
    expect(ws.issues().map((i) => i.id)).toEqual(['2022-04', '2099-01', '2099-02']);
    expect(rendered).toEqual([]);
    const sent = await ws.render('2022-04');
    expect(sent!.rendered.html).toBe(await readFile(path.join(project.root, 'content/issues/2022-04/sent/email.html'), 'utf8'));
    expect(rendered).toEqual([]);
    await ws.renderInBackground();
    expect(rendered.sort()).toEqual(['2099-01', '2099-02']);
  });

  it('re-renders only the draft with regional links when regions.yaml changes, and no sent issue ever', async () => {
    const ws = await Workspace.open(project.paths, 'http://127.0.0.1:1', { render: counting });
    for (const id of ['2022-04', '2099-01', '2099-02']) await ws.render(id);
    rendered = [];
    await project.edit('content/regions.yaml', 'Jenny Coles', 'Jenny Coles-Smith');
    await ws.refresh([path.join(project.root, 'content/regions.yaml')]);
    expect(rendered).toEqual(['2099-01']);
    expect((await ws.render('2099-01'))!.rendered.html).toContain('Jenny Coles-Smith');

    rendered = [];
    const template = path.join(project.root, 'templates/email/layout.mjml.hbs');
    await ws.refresh([template]);
    expect(rendered.sort()).toEqual(['2099-01', '2099-02']);

    rendered = [];
    await ws.refresh([path.join(project.root, 'content/issues/2099-02/issue.yaml')]);
    expect(rendered).toEqual(['2099-02']);
  });
});

// One content hash: a share link records the hash `status`, approval and check all use, so a link
// made a moment ago is current, and an edit after it is "changed since".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotOf } from '../../src/archive/snapshot.js';
import { main } from '../../src/cli/main.js';
import { checkIssue, findIssue, loadProject, loadTemplates, renderIssue, usableContent } from '../../src/pipeline.js';
import { captured } from '../cli/capture.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';

const APRIL = 'content/issues/2022-04/issue.yaml';
let project: TempProject;
const env = { NEWSLETTER_DB: '.newsletter/state.db', PUBLIC_URL: 'https://newsletter.example.org' };
beforeEach(async () => {
  project = await tempProject();
  await makeDraft(project);
});
afterEach(() => project.remove());

const run = async (...argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, project.root, env);
  return { code, out: io.stdout, err: io.stderr };
};

describe('one content hash', () => {
  it('a share link made just now is current in `status`, and changed once the issue is edited', async () => {
    expect((await run('share', '2022-04')).code).toBe(0);
    const linkLine = () => run('status', '2022-04').then((r) => r.out.split('\n').find((l) => l.trim().startsWith('links')));
    expect(await linkLine()).toMatch(/^ {2}links {5}until /);
    expect(await linkLine()).not.toContain('changed since');
    await project.edit(APRIL, 'As we move into the new financial year', 'As we move into the new year');
    expect(await linkLine()).toContain('(changed since)');
  });

  it('the render, the snapshot approval pins and the check report carry the same hash', async () => {
    const content = usableContent(await loadProject(project.paths), ['2022-04']);
    const issue = findIssue(content, '2022-04');
    const rendered = await renderIssue(content, issue, await loadTemplates(project.paths));
    expect(snapshotOf(content, issue, rendered, new Date()).hash).toBe(rendered.hash);
    expect((await checkIssue(project.paths, '2022-04')).report.hash).toBe(rendered.hash);
    // The sender is part of what subscribers receive: changing it changes the hash.
    await project.edit('content/newsletter.yaml', /^ {2}name: Child Safeguarding Practice Review Panel$/m, '  name: Someone Else');
    const other = usableContent(await loadProject(project.paths), ['2022-04']);
    expect((await renderIssue(other, findIssue(other, '2022-04'), await loadTemplates(project.paths))).hash).not.toBe(rendered.hash);
  });
});

// `newsletter new` follows on from April 2022: dates moved on, shared sections carried over,
// stale recruitment kept for check to flag, a comment saying what to review.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIssue, findIssue, loadProject, usableContent } from '../../src/pipeline.js';
import { WRITE_OPTIONS } from '../../src/content/yaml.js';
import { editText, parseForEdit } from '../../src/editor/edit.js';
import { newIssue } from '../../src/workflow/new-issue.js';
import { tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(() => project.remove());
const now = () => new Date('2022-04-20T10:00:00Z');

describe('newsletter new', () => {
  it('follows on from April 2022', async () => {
    const result = await newIssue(project.paths, { id: '2022-05', now });
    expect(result).toMatchObject({ id: '2022-05', from: '2022-04', file: 'content/issues/2022-05/issue.yaml' });
    const content = usableContent(await loadProject(project.paths), 'all');
    const may = findIssue(content, '2022-05');
    expect(may.sendAt).toBe('2022-05-05 09:00'); // next month, at newsletter.yaml's defaultSendTime
    expect(may.status).toBe('draft');
    expect(may.subject).toBe('Child Safeguarding Practice Review Panel: May 2022');
    expect(may.sections.map((s) => s.type)).toEqual([
      'welcome',
      'in-this-issue',
      'regional-links',
      'recruitment',
      'published-reviews',
      'stakeholder-news',
      'have-your-say',
    ]);
    const reviews = may.sections.find((s) => s.type === 'published-reviews');
    // April's window ended on 28 February 2022; May's starts the day after and ends before 5 May.
    expect(reviews?.type === 'published-reviews' && reviews.window).toEqual({ from: '2022-03-01', to: '2022-05-04' });
    const links = may.sections.find((s) => s.type === 'regional-links');
    expect(links?.type === 'regional-links' && links.markChanges).toBe(false);
    // Shared sections carried over word for word.
    const april = findIssue(content, '2022-04');
    expect(may.sections.find((s) => s.type === 'have-your-say')).toEqual(april.sections.find((s) => s.type === 'have-your-say'));
    expect(links).toEqual(april.sections.find((s) => s.type === 'regional-links'));

    const text = await project.read(result.file);
    const top = parseDocument(text).commentBefore ?? '';
    expect(top).toContain('started from 2022-04');
    expect(top).toMatch(/Not carried over: article "National review into safeguarding children/);
    expect(top).toMatch(/recruitment "Panel member – health sector" — closes 18 April 2022/);
    expect(top).toMatch(/window now 1 March 2022 to 4 May 2022/);
    expect(text).not.toContain('as subscribers received it'); // April's own header comment is not carried

    // The passed closing date and the unwritten welcome are errors that check reports.
    const { report } = await checkIssue(project.paths, '2022-05');
    const codes = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.section?.type}`);
    expect(codes).toContain('content/closing-date-passed recruitment');
    expect(codes).toContain('merge-tags/template-leftover welcome');
    expect(report.findings.map((f) => f.code)).not.toContain('content/window-gap');
  });

  it('writes what the editor writes: the file round-trips, and a one-field save changes one line', async () => {
    const result = await newIssue(project.paths, { id: '2022-05', now });
    const text = await project.read(result.file);
    expect(text).toContain('eventDates: [2022-06-14, 2022-06-15]\n');
    expect(parseForEdit(text)!.toString(WRITE_OPTIONS)).toBe(text);
    const saved = editText(text, [{ op: 'set', path: ['preheader'], value: 'Our May issue' }]);
    expect(saved.ok && saved.hunks.map((h) => [h.oldLines.length, h.newLines.length])).toEqual([[1, 1]]);
  });

  it('starts from the issue named with --from, and keeps its send day within a shorter month', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'sendAt: "2022-04-05 09:00"', 'sendAt: "2022-03-31 09:00"');
    const result = await newIssue(project.paths, { id: '2023-02', from: '2022-04', now });
    expect(result.from).toBe('2022-04');
    const feb = findIssue(usableContent(await loadProject(project.paths), 'all'), '2023-02');
    expect(feb.sendAt).toBe('2023-02-28 09:00');
  });

  it.each([
    ['2022-04', /already exists/, 'issue-exists'],
    ['2022-5', /not an issue id — .* YYYY-MM/, 'usage'],
    ['2022-13', /not an issue id/, 'usage'],
    ['may-2022', /not an issue id/, 'usage'],
  ])('refuses %s', async (id, message, code) => {
    await expect(newIssue(project.paths, { id, now })).rejects.toMatchObject({ code, exit: 1, message: expect.stringMatching(message) });
    if (id !== '2022-04') expect(existsSync(path.join(project.paths.content, 'issues', id))).toBe(false);
  });

  it('refuses when there is no earlier issue to start from', async () => {
    await expect(newIssue(project.paths, { id: '2021-01', now })).rejects.toMatchObject({
      code: 'usage',
      message: expect.stringMatching(/--from/),
    });
  });
});

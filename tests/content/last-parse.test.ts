// Issue 27: a content file read again with the same text is not parsed again (the studio reads
// every file on each save); its result is remembered per file and compared with what it was
// made from, so any change of the text, or a file now refused, is parsed afresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContent, readContentSources } from '../../src/content/load.js';
import { type TempProject, tempProject } from '../helpers/project.js';

let project: TempProject;
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => project?.remove());

const april = (c: ReturnType<typeof parseContent>) => c.content!.issues.find((i) => i.id === '2022-04')!;

describe('parsing content read again', () => {
  it('gives back the same result for the same text, and parses a changed text', async () => {
    const first = parseContent(await readContentSources(project.paths.content, 'content'));
    const again = parseContent(await readContentSources(project.paths.content, 'content'));
    expect(april(again).sections).toBe(april(first).sections);
    expect(again.content!.reviews).toBe(first.content!.reviews);

    await project.edit('content/issues/2022-04/issue.yaml', 'As we move into the new financial year', 'As spring arrives');
    const edited = parseContent(await readContentSources(project.paths.content, 'content'));
    expect(april(edited).sections).not.toBe(april(first).sections);
    expect(JSON.stringify(april(edited))).toContain('As spring arrives');
    expect(edited.content!.reviews).toBe(first.content!.reviews);
  });

  it('a file refused on a later read is refused, though its text is the same', async () => {
    const sources = await readContentSources(project.paths.content, 'content');
    expect(parseContent(sources).errors).toEqual([]);
    const issue = sources.issues.find((i) => i.id === '2022-04')!;
    const refused = { ...sources, issues: [{ id: '2022-04', source: { ...issue.source, refused: 'the file cannot be read (EACCES)' } }] };
    const out = parseContent(refused);
    expect(out.brokenIssues).toEqual(['2022-04']);
  });
});

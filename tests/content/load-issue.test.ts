// `check <id>` loads the issue and the one sent before it, not the whole archive, and renders
// the same "changed since the last issue" as a full load.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent, readContentSources } from '../../src/content/load.js';
import { parseContentFor, sendAtWritten } from '../../src/content/load-issue.js';
import { previousIssue } from '../../src/render/model.js';
import { REPO } from '../helpers/project.js';

async function archive() {
  const sources = await readContentSources(path.join(REPO, 'content'), 'content');
  const april = await readFile(path.join(REPO, 'content/issues/2022-04/issue.yaml'), 'utf8');
  const issue = (id: string, sendAt: string) => ({
    id,
    source: { file: `content/issues/${id}/issue.yaml`, text: april.replace(/^sendAt: .*$/m, sendAt) },
  });
  sources.issues.push(
    issue('2021-12', 'sendAt: "2021-12-07 09:00"'),
    issue('2022-02', "sendAt: '2022-02-08'"),
    issue('2022-03', 'sendAt: "2022-03-08 09:00" # moved'),
    issue('2022-05', 'sendAt: "2022-05-03 09:00"'),
    issue('2021-06', 'sendAt: "2021-06-01 09:00"'),
    // Written so the quick reading cannot tell: always parsed.
    issue('odd', 'sendAt: >-\n  2020-01-07 09:00'),
  );
  return sources;
}

describe('loading one issue', () => {
  it('parses the issue, the one before it and unclear files only, and finds the same previous issue', async () => {
    const sources = await archive();
    const one = parseContentFor(sources, '2022-04');
    expect(one.content!.issues.map((i) => i.id)).toEqual(['odd', '2022-03', '2022-04']);
    const all = parseContent(sources).content!;
    const april = (c: typeof all) => c.issues.find((i) => i.id === '2022-04')!;
    expect(previousIssue(one.content!, april(one.content!))?.id).toBe(previousIssue(all, april(all))?.id);
  });

  it('skips a broken issue before it, as the full load does', async () => {
    const sources = await archive();
    sources.issues.find((i) => i.id === '2022-03')!.source.text += '\nsections: not a list\n';
    const one = parseContentFor(sources, '2022-04');
    expect(one.content!.issues.map((i) => i.id)).toEqual(['odd', '2022-02', '2022-04']);
  });

  it('loads everything for an id that is not there, so the error can list the issues', async () => {
    const sources = await archive();
    expect(parseContentFor(sources, '2030-01').content!.issues).toHaveLength(7);
  });

  it('reads a send time written plainly, and nothing else', () => {
    expect(sendAtWritten('subject: x\nsendAt: "2022-04-05 09:00"\n')).toBe('2022-04-05 09:00');
    expect(sendAtWritten('  sendAt: "2022-04-05 09:00"\n')).toBeUndefined();
    expect(sendAtWritten('sendAt: "2022-04-05 09:00\n')).toBeUndefined();
  });
});

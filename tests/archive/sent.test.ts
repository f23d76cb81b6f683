// The record of a sent issue: written once beside the issue, read back only when its hashes
// hold, refused when another snapshot would replace it. And April 2022's record, as committed.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSent } from '../../src/workflow/record-sent.js';
import { issueDigest, sentFileState } from '../../src/archive/drift.js';
import { readSentSnapshot, sentDir, writeSentSnapshot } from '../../src/archive/sent.js';
import type { IssueSnapshot } from '../../src/archive/snapshot.js';
import { contentHash } from '../../src/render/content-hash.js';
import { NewsletterError } from '../../src/errors.js';
import { projectPaths } from '../../src/pipeline.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
let april: IssueSnapshot;
beforeEach(async () => {
  project = await tempProject();
  april = (await readSentSnapshot(project.paths, '2022-04'))!.snapshot;
});
afterEach(() => project.remove());

function another(base: IssueSnapshot, id: string, subject = 'Another issue'): IssueSnapshot {
  const s = { ...base, issueId: id, subject };
  return { ...s, hash: contentHash(s) };
}

async function copyIssue(id: string): Promise<void> {
  await mkdir(path.join(project.root, 'content/issues', id), { recursive: true });
  await project.write(`content/issues/${id}/issue.yaml`, await project.read('content/issues/2022-04/issue.yaml'));
}

describe('the committed record of April 2022', () => {
  it('reads back whole, sent at 09:00 BST on 5 April 2022, and matches issue.yaml as it stands', async () => {
    const sent = (await readSentSnapshot(projectPaths(REPO), '2022-04'))!;
    expect(sent.sentAt).toBe('2022-04-05T08:00:00.000Z');
    expect(sent.snapshot.subject).toBe('Child Safeguarding Practice Review Panel: April 2022');
    expect(sent.snapshot.html).toContain('*|UNSUB|*');
    expect(sent.snapshot.web).toContain('lang="en-GB"');
    expect(await sentFileState(projectPaths(REPO), sent)).toBe('same');
    expect(await readFile(path.join(REPO, 'content/issues/2022-04/sent/.gitattributes'), 'utf8')).toContain('* -text');
  });
});

describe('writeSentSnapshot and readSentSnapshot', () => {
  it('write once, read back the same; writing the same again changes nothing', async () => {
    await copyIssue('2022-07');
    const snapshot = another(april, '2022-07');
    const sentAt = new Date('2022-07-05T08:00:00Z');
    expect(await recordSent(project.paths, snapshot, sentAt)).toBe('written');
    const back = (await readSentSnapshot(project.paths, '2022-07'))!;
    expect(back.snapshot).toEqual(snapshot);
    expect(back.sentAt).toBe('2022-07-05T08:00:00.000Z');
    expect(await sentFileState(project.paths, back)).toBe('same');
    expect(await recordSent(project.paths, snapshot, sentAt)).toBe('unchanged');
    expect((await readdir(sentDir(project.paths, '2022-07'))).sort()).toEqual([
      '.gitattributes',
      'email.html',
      'email.txt',
      'snapshot.json',
      'web.html',
    ]);
    expect((await readdir(path.join(project.root, 'content/issues/2022-07'))).sort()).toEqual(['issue.yaml', 'sent']);
  });

  it('refuses to replace what was sent with anything else', async () => {
    const changed = another(april, '2022-04', 'A rewritten subject');
    const sent = (await readSentSnapshot(project.paths, '2022-04'))!;
    const error = await writeSentSnapshot(project.paths, { ...sent, snapshot: changed }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsletterError);
    expect(error).toMatchObject({ code: 'snapshot-exists', exit: 1 });
    expect((await readSentSnapshot(project.paths, '2022-04'))!.snapshot).toEqual(april);
  });

  it.each([
    ['email.html', (t: string) => t.replace('April 2022', 'May 2022'), /no longer match the hash/],
    ['web.html', (t: string) => t.replace('April 2022', 'May 2022'), /web\.html no longer matches its hash/],
    ['snapshot.json', (t: string) => t.replace('"fromName": "', '"fromName": "Not '), /no longer match the hash/],
    ['snapshot.json', () => '{ not json', /snapshot\.json is not valid JSON/],
    [
      'snapshot.json',
      (t: string) => t.replace('"sentAt": "2022-04-05T08:00:00.000Z"', '"sentAt": "5 April"'),
      /snapshot\.json is not a snapshot \(sentAt:/,
    ],
  ])('a hand-edited %s is refused with a located message', async (file, edit, message) => {
    const at = path.join(sentDir(project.paths, '2022-04'), file);
    await writeFile(at, edit(await readFile(at, 'utf8')));
    const error = await readSentSnapshot(project.paths, '2022-04').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'snapshot-damaged', exit: 1 });
    expect((error as Error).message).toMatch(/^content\/issues\/2022-04\/sent\/: /);
    expect((error as Error).message).toMatch(message);
  });

  it('an issue with no record reads as undefined', async () => {
    expect(await readSentSnapshot(project.paths, '2099-01')).toBeUndefined();
  });
});

describe('issueDigest', () => {
  const yaml = 'subject: "April"\nstatus: sent\nsections:\n  - type: welcome\n    body: Hello\n';
  it('ignores comments, layout, key order and status', () => {
    expect(issueDigest('# a comment\nstatus: draft\nsections:\n- body: Hello   # why\n  type: welcome\nsubject: April\n')).toBe(
      issueDigest(yaml),
    );
  });
  it('changes when what the issue says changes', () => {
    expect(issueDigest(yaml.replace('Hello', 'Hello!'))).not.toBe(issueDigest(yaml));
  });
});

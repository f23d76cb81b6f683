// The text checks' memory kept between runs of `check` (.cache/checks/text-notes.json): a second
// run finds exactly what the first found; a file from other code, or one not as written, is not
// used; an edited paragraph is read again.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextMemory } from '../../src/check/text-memory.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');
const env = { ...process.env, NEWSLETTER_SPAMASSASSIN: 'off' };

interface Kept {
  version: string;
  sentences: [string, { kind: string; start: number; end: number; words: number; formulas?: number }[]][];
  privacy: [string, unknown[]][];
}

describe('TextMemory', () => {
  it('computes a text once, takes an earlier run’s result by hash, and keeps what was used first', async () => {
    const first = new TextMemory<number>(10);
    first.recall([]);
    const length = async (t: string) => t.length;
    expect(await first.of('four', length)).toBe(4);
    expect(await first.of('four', length)).toBe(4);
    expect(first.read).toBe(1);
    const kept = first.toKeep();
    expect(kept).toHaveLength(1);

    const second = new TextMemory<number>(10);
    second.recall([...kept, ['someone-else', 99]]);
    expect(await second.of('four', async () => -1)).toBe(4);
    expect(second.read).toBe(0);
    // What it knows, from this run or an earlier one, it would not compute (read-ahead.ts asks).
    expect([second.knows('four'), second.knows('seven!!')]).toEqual([true, false]);
    expect(await second.of('seven!!', length)).toBe(7);
    expect(second.knows('seven!!')).toBe(true);
    expect(second.toKeep().map(([, v]) => v)).toEqual([4, 7, 99]);
  });

  it('forgets the oldest beyond its limit', async () => {
    const memory = new TextMemory<number>(2);
    memory.recall([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(memory.toKeep()).toHaveLength(2);
  });
});

describe('check remembers its text notes between runs', () => {
  let project: TempProject;
  const notesFile = () => path.join(project.root, '.cache/checks/text-notes.json');
  // Exit 1 is a report with errors in it: the report is what is compared.
  const check = () =>
    run(process.execPath, [BIN, 'check', '2022-04', '--json'], { cwd: project.root, env, timeout: 30_000 }).then(
      (r) => r.stdout,
      (e: { code?: number; stdout?: string }) => (e.code === 1 && e.stdout ? e.stdout : Promise.reject(e as Error)),
    );
  const codes = (json: string) => (JSON.parse(json) as { findings: { code: string; quote?: string }[] }).findings;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('finds the same with the notes as without, and uses them', async () => {
    const fresh = await check();
    const kept = JSON.parse(readFileSync(notesFile(), 'utf8')) as Kept;
    expect(kept.sentences.length).toBeGreaterThan(5);
    expect(kept.privacy.length).toBeGreaterThan(5);
    expect(await check()).toBe(fresh);

    // A note written into the file for a paragraph is taken as found: proof the file is read.
    const quiet = kept.sentences.find(([, notes]) => notes.length === 0)!;
    quiet[1] = [{ kind: 'passive', start: 0, end: 4, words: 0 }];
    writeFileSync(notesFile(), JSON.stringify(kept));
    const passives = (json: string) => codes(json).filter((f) => f.code === 'plain-english/passive').length;
    expect(passives(await check())).toBe(passives(fresh) + 1);
  });

  it('does not use notes of another version of the code, nor a file not as written', async () => {
    const fresh = await check();
    const kept = JSON.parse(readFileSync(notesFile(), 'utf8')) as Kept;
    const quiet = kept.sentences.find(([, notes]) => notes.length === 0)!;
    quiet[1] = [{ kind: 'passive', start: 0, end: 4, words: 0 }];
    writeFileSync(notesFile(), JSON.stringify({ ...kept, version: 'older code' }));
    expect(await check()).toBe(fresh);
    writeFileSync(notesFile(), JSON.stringify({ ...kept, privacy: [['x', [{ kind: 'postcode', tier: 9 }]]] }));
    expect(await check()).toBe(fresh);
    writeFileSync(notesFile(), '');
    expect(await check()).toBe(fresh);
    expect((JSON.parse(readFileSync(notesFile(), 'utf8')) as Kept).version).toBe(kept.version);
  });

  it('reads an edited paragraph again', async () => {
    await check();
    const added =
      'Write to us at our office in Leeds, LS1 4AP, about the reviews of practice we publish in every region of England over the coming months of the year.';
    await project.edit('content/issues/2022-04/issue.yaml', /^(\s+body: [|>]-?\n)/m, `$1      ${added}\n\n`);
    const found = codes(await check()).filter((f) => f.quote && added.includes(f.quote));
    expect(found.map((f) => f.code)).toEqual(expect.arrayContaining(['privacy/postcode', 'plain-english/long-sentence']));
  });
});

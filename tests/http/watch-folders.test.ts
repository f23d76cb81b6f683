// Issue 27: the studio's watcher looks at a save soon after its events (FIRST_LOOK_MS) and again
// once they have settled, and never loses a save: chokidar passes on one change of a file in 50 ms
// and drops the rest, so a save made just after another is taken from the raw events underneath.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Watcher, watchFolders } from '../../src/http/live.js';

let dir: string;
let watcher: Watcher | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsletter-watch-'));
});
afterEach(async () => {
  await watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Look {
  settled: boolean;
  text: string;
  files: string[];
}

describe('the studio watcher', () => {
  it('looks at a save, then again once it has settled', async () => {
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, 'zero\n');
    const looks: Look[] = [];
    watcher = watchFolders([dir], (files, settled) => looks.push({ settled, text: readFileSync(file, 'utf8'), files }));
    await watcher.ready;
    writeFileSync(file, 'one\n');
    await expect.poll(() => looks.map((l) => l.settled), { timeout: 10_000 }).toEqual([false, true]);
    expect(looks.map((l) => l.text)).toEqual(['one\n', 'one\n']);
    expect(looks[0]!.files).toEqual([file]);
  });

  it('takes in a second save made right after the first was looked at', async () => {
    const file = path.join(dir, 'issue.yaml');
    writeFileSync(file, 'zero\n');
    const looks: Look[] = [];
    let second = -1;
    watcher = watchFolders([dir], (files, settled) => {
      looks.push({ settled, text: readFileSync(file, 'utf8'), files });
      // Within a few milliseconds of the first save's events: inside chokidar's 50 ms.
      if (second < 0) {
        writeFileSync(file, 'two\n');
        second = looks.length;
      }
    });
    await watcher.ready;
    writeFileSync(file, 'one\n');
    // A first look after the second save: its events were seen, not only the first save's settling.
    await expect.poll(() => looks.slice(second).some((l) => !l.settled && l.text === 'two\n'), { timeout: 10_000 }).toBe(true);
  });

  it('leaves out the files it never watches (dotfiles, editor swap files)', async () => {
    const looks: Look[] = [];
    watcher = watchFolders([dir], (files, settled) => looks.push({ settled, text: '', files }));
    await watcher.ready;
    writeFileSync(path.join(dir, '.issue.yaml.lock'), '1');
    writeFileSync(path.join(dir, 'issue.yaml.swp'), '1');
    writeFileSync(path.join(dir, 'seen.yaml'), '1');
    await expect.poll(() => looks.some((l) => l.settled), { timeout: 10_000 }).toBe(true);
    expect(new Set(looks.flatMap((l) => l.files))).toEqual(new Set([path.join(dir, 'seen.yaml')]));
  });
});

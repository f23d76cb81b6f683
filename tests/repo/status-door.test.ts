// Status has one door (DECISIONS.md, "SQLite for state, one state table for statuses"): the
// issue_status table is written and read by src/state/status.ts alone, every change is its
// compare-and-set `change(id, from, to)`, which asks the lifecycle table, and nothing else in src/
// keeps a list of allowed changes or writes a status of its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const DOOR = path.join('src', 'state', 'status.ts');
const MIGRATIONS = path.join('src', 'state', 'migrations.ts');

function sources(): { file: string; text: string }[] {
  return readdirSync(path.join(REPO, 'src'), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(REPO, path.join(d.parentPath, d.name)))
    .map((file) => ({ file, text: readFileSync(path.join(REPO, file), 'utf8') }));
}

describe('status has one door', () => {
  const files = sources();

  it('only src/state/status.ts touches the issue_status table (its migrations aside)', () => {
    expect(files.length).toBeGreaterThan(100);
    const touching = files.filter((f) => /\bissue_status\b/.test(f.text)).map((f) => f.file);
    expect(touching.sort()).toEqual([MIGRATIONS, DOOR].sort());
  });

  it('the door changes a status only by compare-and-set, after asking the lifecycle table', () => {
    const door = files.find((f) => f.file === DOOR)!.text;
    const updates = door.match(/UPDATE issue_status[^'"`]*/g) ?? [];
    expect(updates.length).toBeGreaterThan(0);
    for (const sql of updates) expect(sql).toMatch(/WHERE issue_id = \? AND status = \?/);
    expect(door).toMatch(/if \(!canChange\(from, to\)\) throw/);
    expect(door).toMatch(/from '\.\.\/lifecycle\.js'/);
  });

  it('outside the door, statuses are changed only through change() and importSent()', () => {
    const calls = files.filter((f) => f.file !== DOOR).flatMap((f) => [...f.text.matchAll(/\bstatuses\.(\w+)\(/g)].map((m) => `${m[1]}`));
    expect(new Set(calls)).toEqual(new Set(['get', 'all', 'known', 'change', 'importSent']));
  });
});

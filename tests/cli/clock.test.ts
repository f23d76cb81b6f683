// Every command runs by the command's clock (context.now), never the machine's: what it records
// is dated by the clock it was given, and no command file reads the machine's clock itself.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/state/store.js';
import { makeDraft, REPO, tempProject, type TempProject } from '../helpers/project.js';
import { captured } from './capture.js';

let project: TempProject;
const NOW = new Date('2022-03-30T10:00:00Z');
const env = { NEWSLETTER_DB: '.newsletter/state.db' };

beforeAll(async () => {
  project = await tempProject();
  await makeDraft(project);
});
afterAll(() => project.remove());

const run = async (...argv: string[]) => {
  const io = captured();
  return { code: await main(argv, io, project.root, env, () => NOW), err: io.stderr };
};

describe("the command's clock", () => {
  it('dates what approve, unapprove and new record', async () => {
    expect((await run('approve', '2022-04', '--by', 'Ann Chair')).code).toBe(0);
    expect((await run('unapprove', '2022-04', '--by', 'Ann Chair')).code).toBe(0);
    expect((await run('new', '2022-05')).code).toBe(0);
    const store = openStore(path.join(project.root, '.newsletter/state.db'));
    try {
      const trail = store.audit.list('2022-04');
      expect(trail.map((e) => e.action)).toEqual(['approve', 'status', 'unapprove']);
      expect(trail.map((e) => e.at.toISOString())).toEqual(trail.map(() => NOW.toISOString()));
    } finally {
      store.close();
    }
  });

  it('is the only clock the command files read', async () => {
    const dir = path.join(REPO, 'src/cli/commands');
    const readers: string[] = [];
    for (const f of await readdir(dir)) if (/new Date\(\)|Date\.now\(\)/.test(await readFile(path.join(dir, f), 'utf8'))) readers.push(f);
    expect(readers).toEqual([]);
  });
});

// One home for where things live: the helpers name each place, and no other file in src/ builds
// an issue's folder, its sent record, the state folder or the cache by hand.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtIssueDir,
  cacheDir,
  issueDir,
  issueFile,
  issueFileName,
  projectPaths,
  sentDir,
  stateDir,
} from '../../src/files/project-paths.js';
import { stateDbPath } from '../../src/state/store.js';
import { recordDir } from '../../src/workflow/sent-status.js';
import { REPO } from '../helpers/project.js';

const root = path.join(path.sep, 'projects', 'panel');
const p = projectPaths(root);
const at = (...parts: string[]) => path.join(root, ...parts);

/** The code of a file without its comment lines (a comment may name a place). */
const code = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .join('\n');

describe('ProjectPaths helpers', () => {
  it('name each place of a project', () => {
    expect(issueDir(p, '2022-04')).toBe(at('content', 'issues', '2022-04'));
    expect(issueFile(p, '2022-04')).toBe(at('content', 'issues', '2022-04', 'issue.yaml'));
    expect(issueFileName('2022-04')).toBe('issues/2022-04/issue.yaml');
    expect(sentDir(p, '2022-04')).toBe(at('content', 'issues', '2022-04', 'sent'));
    expect(builtIssueDir(p, '2022-04')).toBe(at('dist', 'issues', '2022-04'));
    expect(stateDir(root)).toBe(at('.newsletter'));
    expect(stateDbPath(root, {})).toBe(at('.newsletter', 'state.db'));
    expect(cacheDir(root, 'templates')).toBe(at('.cache', 'templates'));
    expect(recordDir(p, '2022-04')).toBe('content/issues/2022-04/sent/');
  });

  it('are the only place in src/ that joins those names by hand', async () => {
    const src = path.join(REPO, 'src');
    const handBuilt =
      /path\.join\([^)]*'(?:issues|sent|\.newsletter|\.cache[^']*)'|`[^`\n]*(?:issues\/\$\{[^}]+\}\/issue\.yaml|\.newsletter\/|\.cache\/)/;
    const found: string[] = [];
    for (const f of await readdir(src, { recursive: true }))
      if (
        f.endsWith('.ts') &&
        f !== path.join('files', 'project-paths.ts') &&
        handBuilt.test(code(await readFile(path.join(src, f), 'utf8')))
      )
        found.push(f);
    expect(found).toEqual([]);
  });
});

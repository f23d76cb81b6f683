// The project stands alone: `npm test` passes in a fresh clone with nothing beside it, so no
// source, script or test may reach outside the repository (for example ../shared).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const SELF = path.join('tests', 'repo', 'standalone.test.ts');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|js|mjs|cjs|json|hbs)$/.test(d.name))
    .map((d) => path.relative(REPO, path.join(d.parentPath, d.name)));
}

describe('the repository stands alone', () => {
  it('no source, script, template or test refers to a path outside the repository', () => {
    const files = ['src', 'scripts', 'tests', 'templates', 'bin'].flatMap(filesUnder).filter((f) => f !== SELF);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => /\.\.\/+shared\b|\/work\/shared\b/.test(readFileSync(path.join(REPO, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

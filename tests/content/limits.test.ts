// A hostile or careless file is a located content error for that file alone: an alias bomb, very
// deep nesting, an oversized file, or a file reached through a link leading outside content/.
// Every command still works on the other issues.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { shareCommand } from '../../src/cli/commands/share.js';
import { formatContentError } from '../../src/content/errors.js';
import { parseContent } from '../../src/content/load.js';
import { YAML_LIMITS } from '../../src/content/yaml.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { realSources } from '../helpers/sources.js';

const BAD = 'content/issues/2022-07/issue.yaml';
/** The test's clock, and a draft due next January by it (a fixed year would one day be past, and its link refused). */
const NOW = new Date();
const YEAR = NOW.getUTCFullYear() + 1;
const DRAFT = `${YEAR}-01`;
const LINKED = `${YEAR}-02`;

/** Nine aliases of nine aliases, eight levels deep: 43 million strings once expanded. */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
  .concat('bcdefgh'.split('').map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`))
  .join('\n');

function withIssue(text: string) {
  const sources = realSources();
  sources.issues.push({ id: '2022-07', source: { file: BAD, text } });
  return parseContent(sources);
}

describe('input limits', () => {
  it('an alias bomb is a located error for its file, and the other issue still loads', () => {
    const result = withIssue(ALIAS_BOMB);
    expect(result.errors.map(formatContentError)).toEqual([
      `${BAD}:2:8 the file repeats "*" aliases more than ${YAML_LIMITS.aliases} times when read — write the text out instead of using "&anchor" and "*alias"`,
    ]);
    expect(result.brokenIssues).toEqual(['2022-07']);
    expect(result.content?.issues.map((i) => i.id)).toEqual(['2022-04']);
  });

  it('deep nesting with brackets is refused before it is parsed', () => {
    const text = `subject: ${'['.repeat(200_000)}`;
    expect(withIssue(text).errors.map(formatContentError)).toEqual([
      `${BAD}:1:${10 + YAML_LIMITS.depth} blocks and lists are nested more than ${YAML_LIMITS.depth} deep here — an issue needs only a few levels; check the indentation and the brackets`,
    ]);
  });

  it('deep nesting with indentation is refused where it passes the limit', () => {
    const text = Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1';
    expect(withIssue(text).errors.map(formatContentError)).toEqual([
      `${BAD}:${YAML_LIMITS.depth + 1}:${YAML_LIMITS.depth + 1} blocks and lists are nested more than ${YAML_LIMITS.depth} deep here — an issue needs only a few levels; check the indentation and the brackets`,
    ]);
  });

  it('an oversized file is refused without being parsed', () => {
    const text = `subject: x\n# ${'padding '.repeat(140_000)}\n`;
    expect(withIssue(text).errors.map(formatContentError)).toEqual([
      `${BAD}:1:1 the file is 1094 KB, more than the 1024 KB a content file may be — split it, or move large text out of it`,
    ]);
  });
});

function captured(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', tty: false, out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

describe('one bad issue never stops work on another', () => {
  let project: TempProject;
  let outside: string;
  beforeEach(async () => {
    project = await tempProject();
    outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    // A draft beside the April issue, so `share` has something to share.
    const april = await project.read('content/issues/2022-04/issue.yaml');
    await mkdir(path.join(project.root, `content/issues/${DRAFT}`));
    await project.write(
      `content/issues/${DRAFT}/issue.yaml`,
      april
        .replace('status: sent', 'status: draft')
        .replace('2022-04-05 09:00', `${YEAR}-01-07 09:00`)
        .replace('closingDate: 2022-04-18', `closingDate: ${YEAR}-02-18`),
    );
    await mkdir(path.join(project.root, 'content/issues/2022-07'));
    await project.write(BAD, ALIAS_BOMB);
  });
  afterEach(async () => {
    await project.remove();
    await rm(outside, { recursive: true, force: true });
  });

  it('build, check, share and the studio work on the good issue; the bad one is exit 1 with where', async () => {
    const built = captured();
    expect(await main(['build', '2022-04'], built, project.root)).toBe(0);

    const checked = captured();
    await main(['check', '2022-04'], checked, project.root);
    expect(checked.stderr).toBe('');
    expect(checked.stdout).toContain('Checks for issue 2022-04');
    expect(checked.stdout).not.toContain('2022-07');

    const env = { PREVIEW_SECRET: 's'.repeat(48), NEWSLETTER_DB: path.join(outside, 'state.db'), PUBLIC_URL: 'https://preview.example.org' };
    const shared = captured();
    expect(await shareCommand(project.paths, { ids: [DRAFT], revoke: false, now: NOW }, shared, env)).toBe(0);
    expect(shared.stdout).toMatch(/https:\/\/preview\.example\.org\/share\/\S+/);

    const studio = await Workspace.open(project.paths, 'http://127.0.0.1:4000');
    expect(studio.issues().map((i) => i.id)).toEqual(['2022-04', DRAFT]);
    expect(studio.problems('2022-04')).toEqual([]);
    expect(studio.problems('2022-07')).toEqual([expect.stringMatching(/^content\/issues\/2022-07\/issue\.yaml:2:8 the file repeats "\*" aliases/)]);

    const bad = captured();
    expect(await main(['build', '2022-07'], bad, project.root)).toBe(1);
    expect(bad.stderr).toContain(`${BAD}:2:8 the file repeats "*" aliases`);
    expect(bad.stderr).not.toContain('the tool failed');
  });

  it('a content file reached through a link leading outside content/ is refused, with where', async () => {
    await writeFile(path.join(outside, 'issue.yaml'), await project.read(`content/issues/${DRAFT}/issue.yaml`));
    await project.write(BAD, 'subject: fine\n');
    await rm(path.join(project.root, BAD));
    await symlink(path.join(outside, 'issue.yaml'), path.join(project.root, BAD));
    // A whole issue folder linked from outside, too.
    await mkdir(path.join(outside, 'folder'));
    await writeFile(path.join(outside, 'folder/issue.yaml'), 'subject: secret\n');
    await symlink(path.join(outside, 'folder'), path.join(project.root, 'content/issues/2022-08'));
    // A link that stays inside content/ is fine.
    await symlink(path.join(project.root, `content/issues/${DRAFT}`), path.join(project.root, `content/issues/${LINKED}`));

    const result = captured();
    expect(await main(['build'], result, project.root)).toBe(1);
    const refused = (file: string) =>
      `  ${file}:1:1 this file is reached through a symbolic link that leads outside content/ — the tool reads content only from inside content/: copy the file here instead of linking to it`;
    expect(result.stderr).toBe(
      ['The content has 2 problems:', refused(BAD), refused('content/issues/2022-08/issue.yaml'), ''].join('\n'),
    );
    const good = captured();
    expect(await main(['build', LINKED], good, project.root)).toBe(0);
  });
});

// The ladder of src/ (scripts/ladder.js): an import that runs up a rung, or sideways on one, fails
// `npm run lint`. The rule is tried on made-up files here, and the project's own eslint config is
// asked whether it holds for src/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ladder, RUNGS } from '../../scripts/ladder.js';
import { REPO } from '../helpers/project.js';

/** A folder's rung as the rule numbers it (from 1): the numbers move when a rung is added below. */
const rungOf = (name: string) => RUNGS.findIndex((names) => names.includes(name)) + 1;

const linter = new Linter({ configType: 'flat', cwd: REPO });
const CONFIG: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { ladder },
    rules: { 'ladder/no-upward-import': 'error' },
  },
];

/** What the rule says of `code` written in the file at `file` (relative to the repository). */
function lint(file: string, code: string): string[] {
  return linter.verify(code, CONFIG, { filename: path.join(REPO, file) }).map((m) => m.message);
}

describe('the ladder rule', () => {
  it('refuses an import that runs up the ladder, in every form an import takes', () => {
    const forms = [
      "import { approve } from '../../workflow/approve.js';",
      "import type { Store } from '../../state/store.js';",
      "export { approve } from '../../workflow/approve.js';",
      "export * from '../../workflow/approve.js';",
      "export const later = () => import('../../workflow/approve.js');",
      "export type Later = import('../../workflow/approve.js').ApproveResult;",
    ];
    for (const code of forms) {
      const [message, ...more] = lint('src/check/checks/made-up.ts', code);
      expect(more, code).toEqual([]);
      expect(message, code).toMatch(
        /^src\/check is on rung \d+ of the ladder and '\.\.\/\.\.\/(workflow|state)\/[a-z]+\.js' reaches src\/(workflow|state), on rung \d+: a folder imports only from the rungs below it/,
      );
    }
  });

  it('refuses the arrows issue 23 found, and the wiring imported by a page', () => {
    expect(lint('src/check/checks/merge-tags.ts', "import { X } from '../../workflow/new-issue-dates.js';")).toHaveLength(1);
    expect(lint('src/archive/record.ts', "import { loadProject } from '../pipeline.js';")).toHaveLength(1);
    expect(lint('src/report/page.ts', "import { studioCss } from '../studio/pages/studio-assets.js';")).toHaveLength(1);
    expect(lint('src/report/due-readings.ts', "import type { SchedulerContext } from '../scheduler/context.js';")).toHaveLength(1);
    expect(lint('src/http/config.ts', "import { MIN } from '../share/share-token.js';")).toHaveLength(1);
    expect(lint('src/workflow/new-issue.ts', "import { WRITE_OPTIONS } from '../editor/edit.js';")).toHaveLength(1);
    expect(lint('src/studio/routes.ts', "import type { RouteContext } from '../server/route-context.js';")).toHaveLength(1);
    expect(lint('src/content/load.ts', "import { x } from '../pipeline.js';")).toHaveLength(1);
  });

  it('refuses an import between two folders on one rung', () => {
    expect(lint('src/share/share.ts', "import { publish } from '../publish/publish.js';")).toEqual([
      `src/share and src/publish share rung ${rungOf('share')} of the ladder, so neither imports the other ('../publish/publish.js'). Move what both need down a rung (scripts/ladder.js lists the rungs).`,
    ]);
  });

  it('lets a folder import from below it, from itself, and from packages', () => {
    const code = [
      "import { approve } from '../workflow/approve.js';",
      "import { escapeHtml } from '../render/html.js';",
      "import { NewsletterError } from '../errors.js';",
      "import { route } from './routes.js';",
      "import { z } from 'zod';",
      "import path from 'node:path';",
    ].join('\n');
    expect(lint('src/server/made-up.ts', code)).toEqual([]);
    expect(lint('src/editor/http/routes.ts', "import { editText } from '../edit.js';")).toEqual([]);
  });

  it('says where a folder that is on no rung should go, for a file in it and an import of it', () => {
    const place = /^src\/newfolder is on no rung of the ladder: add it to RUNGS in scripts\/ladder\.js/;
    expect(lint('src/newfolder/a.ts', 'export const a = 1;')).toEqual([expect.stringMatching(place)]);
    expect(lint('src/cli/a.ts', "import { a } from '../newfolder/a.js';")).toEqual([expect.stringMatching(place)]);
  });

  it('leaves files outside src/ alone (tests and scripts may import any folder)', () => {
    expect(lint('tests/check/made-up.test.ts', "import { x } from '../../src/cli/main.js';")).toEqual([]);
  });

  it('names only folders and files that exist in src/', () => {
    const missing = RUNGS.flat().filter((name) => !existsSync(path.join(REPO, 'src', name)));
    expect(missing).toEqual([]);
  });
});

describe("the project's lint", () => {
  it('fails an upward import in src/ (eslint.config.js turns the rule on for every file there)', async () => {
    const eslint = new ESLint({ cwd: REPO });
    const config = (await eslint.calculateConfigForFile(path.join(REPO, 'src/check/checks/merge-tags.ts'))) as Linter.Config;
    expect(config.rules?.['ladder/no-upward-import']).toEqual([2]);
    // The text of a file that exists (typed linting reads only files of the project), given as if edited.
    const [result] = await eslint.lintText("import { approve } from '../../workflow/approve.js';\nexport const a = approve;\n", {
      filePath: path.join(REPO, 'src/check/checks/merge-tags.ts'),
    });
    expect(result!.messages.map((m) => `${m.ruleId}: ${m.message.split(':')[0]}`)).toEqual([
      `ladder/no-upward-import: src/check is on rung ${rungOf('check')} of the ladder and '../../workflow/approve.js' reaches src/workflow, on rung ${rungOf('workflow')}`,
    ]);
  }, 60_000);
});

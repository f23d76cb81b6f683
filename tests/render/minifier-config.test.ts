// MJML's minifier (htmlnano) looks, unless told not to, for a configuration of its own in every
// folder from the working one up, and runs an htmlnano.config.js it finds. The email must be
// the project's alone: a file beside the project changes nothing and is never run.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDraft, REPO, tempProject, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');

async function builtEmail(project: TempProject): Promise<string> {
  await run(process.execPath, [BIN, 'build', '2022-04'], { cwd: project.root, timeout: 30_000 });
  return readFileSync(path.join(project.root, 'dist/issues/2022-04/email.html'), 'utf8');
}

describe("the minifier takes no configuration from outside the project's code", () => {
  let plain: TempProject;
  let configured: TempProject;
  beforeEach(async () => {
    [plain, configured] = await Promise.all([tempProject(), tempProject()]);
    await Promise.all([makeDraft(plain), makeDraft(configured)]);
  });
  afterEach(() => Promise.all([plain.remove(), configured.remove()]));

  it('an htmlnano.config.js in the working folder is not run, and the email is as without it', async () => {
    const marker = path.join(configured.root, 'config-was-run');
    await writeFile(
      path.join(configured.root, 'htmlnano.config.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\nmodule.exports = { removeAttributeQuotes: true };\n`,
    );
    const [expected, got] = await Promise.all([builtEmail(plain), builtEmail(configured)]);
    expect(existsSync(marker)).toBe(false);
    expect(got).toBe(expected);
  });

  it('an .htmlnanorc or an htmlnano key in package.json changes nothing', async () => {
    await writeFile(path.join(configured.root, '.htmlnanorc'), JSON.stringify({ removeAttributeQuotes: true }));
    const [expected, got] = await Promise.all([builtEmail(plain), builtEmail(configured)]);
    expect(got).toBe(expected);
    await writeFile(path.join(configured.root, 'package.json'), JSON.stringify({ name: 'x', htmlnano: { removeAttributeQuotes: true } }));
    expect(await builtEmail(configured)).toBe(expected);
  });
});

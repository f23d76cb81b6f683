// The command line as a person runs it: the compiled `newsletter` binary in a project folder.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckReport } from '../../src/check/finding.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');

async function newsletter(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('newsletter build and check', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('build writes email HTML, text, web version and MJML for every issue, and an index', async () => {
    const result = await newsletter(project.root, 'build');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^built 2022-04 → dist\/issues\/2022-04\/ \(email \d+\.\d KB\)$/m);
    for (const file of ['email.html', 'email.txt', 'web.html'])
      expect(existsSync(path.join(project.root, 'dist/issues/2022-04', file)), file).toBe(true);
    // April 2022 is sent: built from its record in content/issues/2022-04/sent/, which keeps no MJML.
    expect(result.stdout).toContain('as sent, from content/issues/2022-04/sent/');
    expect(existsSync(path.join(project.root, 'dist/issues/2022-04/issue.mjml'))).toBe(false);
    const index = readFileSync(path.join(project.root, 'dist/index.html'), 'utf8');
    expect(index).toMatch(/<a href="issues\/2022-04\/web.html">[^<]*April 2022<\/a>/);
  });

  it('a content mistake: every error with its place, exit 1, no stack trace, nothing written', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'closingDate: 2022-04-18', 'closingDate: 18/04/2022');
    await project.edit('content/newsletter.yaml', 'timeZone: Europe/London', 'timeZone: GMT');
    const result = await newsletter(project.root, 'build', '2022-04');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^The content has 2 problems:\n {2}content\/newsletter\.yaml:30:11 timeZone: .*\n {2}content\/issues\/2022-04\/issue\.yaml:\d+:18 section 5 \(recruitment\), closingDate: "18\/04\/2022" is not a date — write it as YYYY-MM-DD, e\.g\. 2022-04-18\n$/,
    );
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(path.join(project.root, 'dist'))).toBe(false);
  });

  it('check reports clean on the April 2022 issue and exits 0', async () => {
    const result = await newsletter(project.root, 'check', '2022-04');
    expect(result.stdout).toContain('0 errors, 0 warnings. Ready to send.');
    expect(result.code).toBe(0);
  });

  it('check --json prints a report that matches its schema; an error exits 1', async () => {
    await project.edit('templates/email/layout.mjml.hbs', '<a href="*|UNSUB|*">unsubscribe from this list</a>.', 'no unsubscribe.');
    await project.edit('templates/email/layout.mjml.hbs', '<a href="*|UNSUB|*">unsubscribe from this list</a>', '');
    const result = await newsletter(project.root, 'check', '2022-04', '--json');
    expect(result.code).toBe(1);
    const report = CheckReport.parse(JSON.parse(result.stdout));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'merge-tags/missing', severity: 'error', message: 'the email HTML has no *|UNSUB|*' }),
    );
  });

  it('check of a broken issue reports the schema errors as findings', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'subject:', 'subjct:');
    const result = await newsletter(project.root, 'check', '2022-04', '--json');
    expect(result.code).toBe(1);
    expect(CheckReport.parse(JSON.parse(result.stdout)).findings.map((f) => f.code)).toEqual(['schema/invalid', 'schema/invalid']);
  });

  it('outside the project folder: a sentence saying where to run it', async () => {
    const elsewhere = path.join(project.root, 'content', 'issues');
    expect(await newsletter(elsewhere, 'build')).toMatchObject({
      code: 1,
      stderr: `newsletter: there is no content/ folder in ${elsewhere} — run newsletter in the project folder\n`,
    });
  });

  it('wrong requests get a sentence and exit 1', async () => {
    expect(await newsletter(project.root, 'check', '2031-01')).toMatchObject({
      code: 1,
      stderr: 'newsletter: there is no issue "2031-01" in content/issues/ — the issues are: 2022-04\n',
    });
    expect(await newsletter(project.root, 'publsh')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"publsh" is not a command'),
    });
    expect(await newsletter(project.root, 'check', '2022-04', '--jsn')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('check has no option --jsn — did you mean --json?'),
    });
  });
});

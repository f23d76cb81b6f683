// `newsletter check` as the CLI runs it in-process: --json against its schema, the report for people, --online.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckReport } from '../../src/check/finding.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { formatReport } from '../../src/cli/report.js';
import { tempProject, type TempProject } from '../helpers/project.js';

function captured(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    tty: false,
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
  };
  return io;
}

describe('newsletter check', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await project.remove();
  });

  it('--json is a CheckReport: findings with code, severity, section, message and fix; exit 1 on an error', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'closingDate: 2022-04-18', 'closingDate: 2022-04-01');
    await project.edit(
      'content/issues/2022-04/issue.yaml',
      'subject: "Child Safeguarding Practice Review Panel: April 2022"',
      'subject: "Child Safeguarding Practice Review Panel newsletter: April 2022"',
    );
    const io = captured();
    expect(await main(['check', '2022-04', '--json'], io, project.root)).toBe(1);
    const report = CheckReport.parse(JSON.parse(io.stdout));
    expect(report).toMatchObject({ issue: '2022-04', errors: 1, warnings: 1 });
    // Leaving out the plain-english check's hints (advice on the writing of a sent issue, issue 19).
    expect(report.findings.filter((f) => f.severity !== 'hint').map((f) => [f.code, f.severity, f.section?.title ?? null])).toEqual([
      ['inbox/subject-long', 'warning', null],
      ['content/closing-date-passed', 'error', 'Would you like to join the Panel?'],
    ]);
    expect(io.stderr).toBe('');
  });

  it('the report for people groups findings by section, errors first, with the fix under each', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'closingDate: 2022-04-18', 'closingDate: 2022-04-01');
    await project.edit(
      'content/issues/2022-04/issue.yaml',
      'to book a space, visit the Strengthening',
      'to book a space, [click here](https://bit.ly/sfpc). Visit the Strengthening',
    );
    const io = captured();
    expect(await main(['check', '2022-04'], io, project.root)).toBe(1);
    expect(io.stdout).toContain(
      [
        'Section 5 (recruitment): Would you like to join the Panel?',
        '  ERROR   applications close on 1 April 2022, before the issue is sent (5 April 2022) [content/closing-date-passed]',
        '          fix: correct closingDate in content/issues/2022-04/issue.yaml, or remove the section if recruitment has closed',
        '',
        'Section 8 (stakeholder-news): Stakeholder News',
        '  warning content/issues/2022-04/issue.yaml:',
      ].join('\n'),
    );
    // A link finding says where, as a content error does.
    expect(io.stdout).toMatch(
      /warning content\/issues\/2022-04\/issue\.yaml:\d+:\d+ section 8 \(stakeholder-news\), item 1, linkText: the link text "click here" does not say where the link goes \(WCAG 2\.4\.4\) \[links\/vague-text\]/,
    );
    expect(io.stdout).toContain('https://bit.ly/sfpc goes through a link shortener');
    expect(io.stdout.trimEnd().split('\n').at(-1)).toBe('1 error, 2 warnings. Not ready to send.');
  });

  it('the April 2022 issue reads "Ready to send." and exits 0', async () => {
    const io = captured();
    // SpamAssassin's score is left out here (it has its own tests), so the whole report is exact.
    expect(await main(['check', '2022-04'], io, project.root, { ...process.env, NEWSLETTER_SPAMASSASSIN: 'off' })).toBe(0);
    // Its only findings are the plain-english check's hints (issue 19), after everything that counts.
    expect(io.stdout).toMatch(
      /^Checks for issue 2022-04\n\nHints \(28\): advice on the writing, not counted as warnings\n\n {2}Whole issue\n {4}hint {4}content\/issues\/2022-04\/issue\.yaml:5:131 preheader: "LCSPRs" is used in the preheader before it is spelt out/,
    );
    expect(io.stdout).not.toMatch(/^ *(?:ERROR|warning) /m);
    expect(io.stdout.endsWith('\n\n0 errors, 0 warnings. Ready to send.\n')).toBe(true);
    expect(formatReport({ schemaVersion: 1, issue: 'x', hash: null, errors: 0, warnings: 0, findings: [] })).toBe(
      'Checks for issue x\n\n0 errors, 0 warnings. Ready to send.',
    );
  });

  it('--online requests the links through fetch; without it nothing is requested', async () => {
    const requested: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { method: string }) => {
      requested.push(`${init.method} ${url}`);
      return new Response(null, { status: url.includes('twitter.com') ? 404 : 200 });
    });
    const offline = captured();
    expect(await main(['check', '2022-04'], offline, project.root)).toBe(0);
    expect(requested).toEqual([]);
    const online = captured();
    expect(await main(['check', '2022-04', '--online', '--json'], online, project.root)).toBe(1);
    expect(requested).toContain('HEAD https://learning.nspcc.org.uk/case-reviews');
    const heads = requested.filter((r) => r.startsWith('HEAD'));
    expect(new Set(heads).size).toBe(heads.length); // each address once, though several are linked twice
    expect(requested.filter((r) => r.startsWith('GET'))).toEqual(['GET https://twitter.com/CSPRPanel']); // GET only after HEAD failed
    const report = CheckReport.parse(JSON.parse(online.stdout));
    expect(report.findings.filter((f) => f.severity !== 'hint').map((f) => [f.code, f.section])).toEqual([['online-links/broken', null]]);
  });
});

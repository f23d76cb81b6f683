// The privacy check in the registry: findings pinned to section, field and span; tier 1 blocks
// like any error until acknowledged in the issue file; the April 2022 issue has nothing to report.
import { formatReport } from '../../../src/cli/report.js';
import { describe, expect, it } from 'vitest';
import { acknowledgementsUsed, privacyCheck } from '../../../src/check/privacy/index.js';
import { checkIssue } from '../../../src/pipeline.js';
import { tempProject } from '../../helpers/project.js';
import { appendToBody, aprilInput, type Changes, checkApril } from '../april.js';

const welcome = 0;
const childPostcode = 'Child P lived with his grandmother near LS9 7TF.';

describe('the privacy check', () => {
  it('reports nothing on the April 2022 issue', async () => {
    expect((await checkApril({}, [privacyCheck])).findings).toEqual([]);
  });

  it('pins a finding to its section, field and span, as an error that blocks', async () => {
    const report = await checkApril(appendToBody(welcome, childPostcode), [privacyCheck]);
    expect(report.errors).toBe(1);
    const [f] = report.findings;
    expect(f).toMatchObject({
      code: 'privacy/postcode',
      severity: 'error',
      section: { index: 0, type: 'welcome' },
      field: 'body',
      span: { text: 'LS9 7TF' },
    });
    const input = await aprilInput(appendToBody(welcome, childPostcode));
    const body = (input.issue.sections[0] as { body: string }).body;
    expect(body.slice(f!.span!.start, f!.span!.end)).toBe('LS9 7TF');
    expect(f!.message).toMatch(/Is this detail in the published report\? If not, remove it\./);
    expect(f!.fix).toContain('acknowledgements');
    // The studio's way first, the file second; the section named as every other check names it.
    expect(f!.fix).toMatch(
      /^remove it or say it more generally in the studio's editor, or in content\/issues\/2022-04\/issue\.yaml \(section 1 \(welcome\), body\); if the published report gives it, choose "Acknowledge" beside this finding/,
    );
    expect(f!.fix.indexOf('Acknowledge')).toBeLessThan(f!.fix.indexOf('acknowledgements:'));
    expect(f!.quote).toBe('LS9 7TF');
  });

  it('finds details in news items and the subject, naming the field path', async () => {
    const report = await checkApril(
      {
        content: (_, issue) => {
          issue.subject = 'Learning from the review of Child Q, who attended Oakfield Primary School';
          const news = issue.sections[7] as { items: { body: string }[] };
          news.items[0]!.body += '\n\nThe baby died on 2 January 2020.';
        },
      },
      [privacyCheck],
    );
    expect(report.findings.map((f) => [f.code, f.section?.index ?? null, f.field])).toEqual([
      ['privacy/school', null, 'subject'],
      ['privacy/child-date', 7, 'items.0.body'],
    ]);
    expect(report.findings.map((f) => f.severity)).toEqual(['warning', 'error']);
  });

  it('stays quiet once acknowledged, and lists the acknowledgement used', async () => {
    const ack = {
      code: 'privacy/postcode',
      text: 'ls9  7tf',
      reason: 'the published report gives the postcode of the unit',
      by: 'A. Secretariat',
    };
    const changes: Changes = {
      content: (content, issue) => {
        appendToBody(welcome, childPostcode).content!(content, issue);
        issue.acknowledgements = [ack];
      },
    };
    const report = await checkApril(changes, [privacyCheck]);
    expect([report.errors, report.warnings]).toEqual([0, 0]);
    const input = await aprilInput(changes);
    const used = await acknowledgementsUsed(input.content, input.issue);
    expect(used).toHaveLength(1);
    expect(used[0]).toMatchObject({ acknowledgement: ack, finding: { code: 'privacy/postcode', span: { text: 'LS9 7TF' } } });
  });

  it('an acknowledgement for another code or text does not quiet it, and says it matches nothing', async () => {
    const report = await checkApril(
      {
        content: (content, issue) => {
          appendToBody(welcome, childPostcode).content!(content, issue);
          issue.acknowledgements = [{ code: 'privacy/phone', text: 'LS9 7TF', reason: 'wrong code', by: 'A. Secretariat' }];
        },
      },
      [privacyCheck],
    );
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([
      ['privacy/unused-acknowledgement', 'warning'],
      ['privacy/postcode', 'error'],
    ]);
  });

  it('runs with every check: an unacknowledged tier-1 finding is an error of the whole report', async () => {
    const report = await checkApril(appendToBody(welcome, childPostcode));
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['privacy/postcode']);
    expect(report.errors).toBe(1);
  });
});

describe('acknowledgements in issue.yaml', () => {
  it('are read from the file: the check passes, and a malformed code is a content error with its place', async () => {
    const project = await tempProject();
    try {
      await project.edit('content/issues/2022-04/issue.yaml', 'available here.\n', `available here. ${childPostcode}\n`);
      // Hints (plain English on a sent issue) are advice, not findings that stop anything.
      expect((await checkIssue(project.paths, '2022-04')).report.findings.filter((f) => f.severity !== 'hint').map((f) => f.code)).toEqual([
        'privacy/postcode',
      ]);
      await project.edit(
        'content/issues/2022-04/issue.yaml',
        'status: sent\n',
        'status: sent\nacknowledgements:\n  - code: privacy/postcode\n    text: LS9 7TF\n    reason: the published report gives it\n    by: A. Secretariat\n',
      );
      const acknowledged = (await checkIssue(project.paths, '2022-04')).report;
      expect(acknowledged.findings.filter((f) => f.severity !== 'hint')).toEqual([]);
      // The report lists what was let stand, and who said so: the approval record keeps it.
      const letStand = { code: 'privacy/postcode', text: 'LS9 7TF', reason: 'the published report gives it', by: 'A. Secretariat' };
      expect(acknowledged.acknowledged).toEqual([{ ...letStand, section: expect.objectContaining({ index: 0, type: 'welcome' }) }]);
      expect(formatReport(acknowledged)).toContain(
        'A. Secretariat let "LS9 7TF" stand in section 1 (welcome) — a detail that could identify someone (privacy/postcode) — because: the published report gives it.',
      );
      await project.edit('content/issues/2022-04/issue.yaml', 'code: privacy/postcode', 'code: postcode');
      const { report } = await checkIssue(project.paths, '2022-04');
      expect(report.findings.map((f) => f.message)).toEqual([
        expect.stringMatching(/issue\.yaml:\d+:\d+ acknowledgements item 1, code: "postcode" is not a finding code/),
      ]);
    } finally {
      await project.remove();
    }
  });
});

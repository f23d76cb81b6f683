// The plain-english check on April 2022 as it was sent: the findings GOV.UK's guidance gives on
// it, exactly, pinned to file:line:column, and none on the names it holds. Then each rule alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/finding.js';
import { plainEnglishCheck } from '../../src/check/plain-english/index.js';
import { runChecks } from '../../src/check/index.js';
import { checkIssue, projectPaths } from '../../src/pipeline.js';
import { REPO } from '../helpers/project.js';
import { aprilInput, appendToBody, checkApril } from './april.js';

/** "kind section.field line:column first words", in reading order. */
const brief = (f: Finding) =>
  `${f.code.replace('plain-english/', '')} ${f.section ? f.section.index + 1 : '-'}.${f.field} ${f.line}:${f.column} ${f.span!.text.split(/\s+/).slice(0, 4).join(' ')}`;

const APRIL = [
  'abbreviation -.preheader 5:131 LCSPRs',
  'long-sentence 1.body 12:7 As we move into',
  'word-to-avoid 1.body 14:15 progressing',
  'word-to-avoid 1.body 14:261 key',
  'long-sentence 3.body 27:7 This review focuses on',
  'long-sentence 3.body 27:214 Allegations of harm to',
  'long-sentence 4.intro 36:85 We established this role',
  'word-to-avoid 4.intro 36:113 facilitate',
  'word-to-avoid 4.intro 36:187 dialogue',
  'long-sentence 4.after 40:7 The series of virtual',
  'word-to-avoid 4.after 40:113 promoting',
  'word-to-avoid 4.after 40:123 dialogue',
  'word-to-avoid 4.after 40:228 key',
  'passive 4.after 40:376 found',
  'long-sentence 6.body 58:7 To help develop our',
  'long-sentence 6.body 60:7 We believe that it',
  'word-to-avoid 6.body 60:38 promote',
  'abbreviation 6.body 60:321 SCR',
  'long-sentence 6.body 62:7 We have found that,',
  'word-to-avoid 6.body 62:215 delivering',
  'long-sentence 6.body 62:259 However, the Panel is',
  'word-to-avoid 6.body 62:347 key',
  'long-sentence 6.body 69:7 We believe that it',
  'long-sentence 6.body 69:344 We would also recommend',
  'long-sentence 6.body 71:7 The Panel will continue',
  'long-sentence 6.body 71:270 In addition to this,',
  'long-sentence 6.body 73:7 We will use the',
  'long-sentence 8.items.0.body 91:137 Over the two days,',
];

const plain = (findings: Finding[]) => findings.filter((f) => f.code.startsWith('plain-english/'));
const words = (findings: Finding[]) => plain(findings).map((f) => `${f.code.replace('plain-english/', '')}: ${f.span!.text}`);

describe('the plain-english check on April 2022', () => {
  it('finds exactly these, each at its place in the issue file, as hints: the issue has been sent', async () => {
    const { report } = await checkIssue(projectPaths(REPO), '2022-04');
    const found = plain(report.findings);
    expect(found.map(brief)).toEqual(APRIL);
    expect(new Set(found.map((f) => f.severity))).toEqual(new Set(['hint']));
    expect(found.every((f) => f.file === 'content/issues/2022-04/issue.yaml')).toBe(true);
    expect([report.errors, report.warnings]).toEqual([0, 0]);
  });

  it('says where an abbreviation is first used and where it is spelt out, or that it never is', async () => {
    const found = plain((await checkApril({}, [plainEnglishCheck])).findings).filter((f) => f.code === 'plain-english/abbreviation');
    expect(found.map((f) => f.message)).toEqual([
      '"LCSPRs" is used in the preheader before it is spelt out in section 6 (article), title: "Local Child Safeguarding Practice Reviews (LCSPRs)"',
      '"SCR" is used in section 6 (article), body and never spelt out in the issue',
    ]);
  });

  it('flags no name: Panel members, partnerships, programmes, the NSPCC and the regions stand', async () => {
    const text = plain((await checkApril({}, [plainEnglishCheck])).findings)
      .filter((f) => f.code !== 'plain-english/long-sentence')
      .map((f) => f.span!.text);
    for (const name of ['Strengthening', 'NSPCC', 'Hesley', 'Tranter', 'Jeyarajah-Dent', 'North West', 'GOV.UK'])
      expect(text.join(' ')).not.toContain(name);
  });

  it('as a draft, the same findings are warnings, passive voice still a hint', async () => {
    const report = await checkApril({ content: (_, issue) => void (issue.status = 'draft') }, [plainEnglishCheck]);
    expect(report.findings.map((f) => `${f.code} ${f.severity}`)).toEqual(
      APRIL.map((b) => `plain-english/${b.split(' ')[0]} ${b.startsWith('passive') ? 'hint' : 'warning'}`),
    );
    expect([report.errors, report.warnings]).toEqual([0, APRIL.length - 1]);
  });
});

describe('the plain-english rules', () => {
  const added = async (markdown: string) =>
    words(
      (await checkApril(appendToBody(0, markdown), [plainEnglishCheck])).findings.filter(
        (f) => f.section?.index === 0 && f.span!.start > 1000,
      ),
    );

  it('an issue with a sent record (sent by the tool, its file still a draft) gets hints, as 2022-04 does', async () => {
    const input = await aprilInput({ content: (_c, issue) => void (issue.status = 'draft') });
    const sent = await runChecks(input, { sent: true }, [plainEnglishCheck]);
    expect(new Set(sent.findings.map((f) => f.severity))).toEqual(new Set(['hint']));
    const draft = await runChecks(input, {}, [plainEnglishCheck]);
    expect(draft.warnings).toBeGreaterThan(0);
  });

  it('names each word GOV.UK asks writers to avoid, with the plainer word', async () => {
    const report = await checkApril(appendToBody(0, 'Going forward, we will leverage our data in order to streamline and utilise it.'), [
      plainEnglishCheck,
    ]);
    const found = report.findings.filter((f) => f.section?.index === 0 && f.code === 'plain-english/word-to-avoid' && f.span!.start > 1000);
    expect(found.map((f) => f.span!.text)).toEqual(['Going forward', 'leverage', 'in order to', 'streamline', 'utilise']);
    expect(found.at(-1)!.fix).toMatch(
      /^say use, in the studio's editor, or in content\/issues\/2022-04\/issue\.yaml \(section 1 \(welcome\), body\); if it should stand, choose "Acknowledge" beside this finding in the editor$/,
    );
  });

  it('"key", "impact", "foster" and "deliver" only in the senses GOV.UK means', async () => {
    expect(await added('Foster carers deliver the post. A key worker holds the key to the door. The key is safe.')).toEqual([]);
    expect(await added('This had an impact on practice.')).toEqual([]);
    expect(await added('This will impact families. We foster learning to deliver improvements.')).toEqual([
      'word-to-avoid: impact',
      'word-to-avoid: foster',
      'word-to-avoid: deliver',
    ]);
    expect(await added('It impacted them.')).toEqual(['word-to-avoid: impacted']);
  });

  it('an abbreviation spelt out at first use, or well known, is not flagged; one used first and spelt out later is', async () => {
    expect(await added('The Department for Education (DfE) wrote to us. DfE said so. The NHS and the UK agree.')).toEqual([]);
    expect(await added('The JTAI report is out. A joint targeted area inspection (JTAI) looks at services.')).toEqual([
      'abbreviation: JTAI',
    ]);
  });

  it('a name from the content is never flagged, though its words are on the list', async () => {
    const report = await checkApril(
      {
        content: (content, issue) => {
          content.reviews.push({
            ...content.reviews[0]!,
            title: 'Tackling Neglect Together',
            partnership: 'Key Partners Safeguarding Board',
          });
          const welcome = issue.sections[0] as { body: string };
          welcome.body += '\n\nRead "Tackling Neglect Together" from Key Partners Safeguarding Board. We are tackling neglect.';
        },
      },
      [plainEnglishCheck],
    );
    expect(words(report.findings.filter((f) => f.section?.index === 0 && f.span!.start > 1000))).toEqual(['word-to-avoid: tackling']);
  });

  it('a word inside a capitalised name of several words is not flagged, even at the start of a sentence', async () => {
    const report = await checkApril(
      {
        content: (_content, issue) => {
          const welcome = issue.sections[0] as { body: string };
          welcome.body += '\n\nStrengthening Families is a programme. We are strengthening links.';
        },
      },
      [plainEnglishCheck],
    );
    expect(words(report.findings.filter((f) => f.section?.index === 0 && f.span!.start > 1000))).toEqual(['word-to-avoid: strengthening']);
  });

  it('a finding acknowledged in the issue (code and quoted text) is quiet, and listed as let stand', async () => {
    const report = await checkApril(
      {
        content: (_content, issue) => {
          issue.status = 'draft';
          issue.acknowledgements = [
            { code: 'plain-english/word-to-avoid', text: 'facilitate', reason: 'a quotation', by: 'A. Secretariat' },
          ];
        },
      },
      [plainEnglishCheck],
    );
    expect(report.findings.filter((f) => f.span?.text === 'facilitate')).toEqual([]);
    expect(report.findings.filter((f) => f.span?.text === 'dialogue').map((f) => f.quote)).toEqual(['dialogue', 'dialogue']);
    expect(report.acknowledged).toEqual([
      {
        code: 'plain-english/word-to-avoid',
        section: expect.objectContaining({ index: 3 }),
        text: 'facilitate',
        reason: 'a quotation',
        by: 'A. Secretariat',
      },
    ]);
  });

  it('a sentence of 26 words is long and one of 25 is not; a short sentence of long words is hard', async () => {
    const sentence = (n: number) => `${Array.from({ length: n - 1 }, () => 'cat').join(' ')} sat.`;
    expect(await added(sentence(25))).toEqual([]);
    expect(await added(sentence(26))).toEqual([`long-sentence: ${sentence(26)}`]);
    const hard = 'Multidisciplinary organisational accountability necessitates comprehensive intergovernmental coordination mechanisms.';
    expect(await added(hard)).toEqual([`hard-sentence: ${hard}`]);
  });

  it('passive voice is a hint, never a warning, even on a draft', async () => {
    const report = await checkApril(
      { content: (_, issue) => void (issue.status = 'draft'), ...appendToBody(0, 'The report was written by the Panel.') },
      [plainEnglishCheck],
    );
    const passive = report.findings.filter((f) => f.code === 'plain-english/passive' && f.section?.index === 0);
    expect(passive.map((f) => [f.span!.text, f.severity])).toEqual([['written', 'hint']]);
  });

  it('gives no line and column when the file on disk no longer holds the text checked', async () => {
    const input = await aprilInput();
    const { issue } = input;
    const source = readFileSync(path.join(REPO, issue.file), 'utf8');
    const check = async (text: string) =>
      (await runChecks({ ...input, source: { file: issue.file, text } }, {}, [plainEnglishCheck])).findings;
    const now = await check(source);
    const changed = await check(source.replace('Work is progressing', 'Work is going ahead'));
    const at = (list: Finding[]) => list.find((f) => f.span!.text === 'progressing')!;
    expect([at(now).line, at(now).column]).toEqual([14, 15]);
    expect([at(changed).line, at(changed).column]).toEqual([undefined, undefined]);
  });
});

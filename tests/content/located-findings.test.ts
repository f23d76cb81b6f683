// One way of naming a place everywhere: "section 5 (recruitment)", counting from 1, in messages;
// and in `check --json`, findings that carry file, line and column, in a report with a schemaVersion.
import { describe, expect, it, afterEach, beforeEach } from 'vitest';
import { CheckReport } from '../../src/check/finding.js';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { fieldPath } from '../../src/content/errors.js';
import { tempProject, type TempProject } from '../helpers/project.js';

function captured(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', tty: false, out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

describe('fields in people words', () => {
  const issue = { sections: [{ type: 'welcome' }, { type: 'stakeholder-news', items: [{ eventDates: ['x', 'y'] }] }, { type: 'articel' }] };
  it.each([
    [['subject'], 'subject'],
    [['sections', 0, 'title'], 'section 1 (welcome), title'],
    [['sections', 1, 'items', 0, 'eventDates', 1], 'section 2 (stakeholder-news), item 1, event date 2'],
    [['sections', 2, 'type'], 'section 3, type'],
    [['sections', 6, 'window', 'from'], 'section 7, window.from'],
    [['sender', 'email'], 'sender.email'],
    [['reviews', 0, 'published'], 'review 1, published'],
  ] as [PropertyKey[], string][])('%j is "%s"', (path, words) => {
    expect(fieldPath(path, issue)).toBe(words);
  });
});

describe('build and check name a section the same way', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
    await project.edit('content/issues/2022-04/issue.yaml', 'closingDate: 2022-04-18', 'closingDate: 18/04/2022');
  });
  afterEach(() => project.remove());

  it('build says "section 5 (recruitment)", not sections[4]', async () => {
    const io = captured();
    expect(await main(['build', '2022-04'], io, project.root)).toBe(1);
    expect(io.stderr).toContain('content/issues/2022-04/issue.yaml:');
    expect(io.stderr).toMatch(/issue\.yaml:\d+:18 section 5 \(recruitment\), closingDate: "18\/04\/2022" is not a date/);
    expect(io.stderr).not.toContain('sections[');
  });

  it('check groups the error under "Section 5 (recruitment)" and --json carries file, line, column and schemaVersion', async () => {
    const text = captured();
    expect(await main(['check', '2022-04'], text, project.root)).toBe(1);
    expect(text.stdout).toContain('Section 5 (recruitment): Would you like to join the Panel?');
    expect(text.stdout).toMatch(/ERROR +content\/issues\/2022-04\/issue\.yaml:\d+:18 section 5 \(recruitment\), closingDate:/);

    const json = captured();
    expect(await main(['check', '2022-04', '--json'], json, project.root)).toBe(1);
    const raw = JSON.parse(json.stdout) as { schemaVersion: unknown };
    expect(raw.schemaVersion).toBe(1);
    const report = CheckReport.parse(raw);
    const line = (await project.read('content/issues/2022-04/issue.yaml')).split('\n').findIndex((l) => l.includes('closingDate:')) + 1;
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'schema/invalid',
        section: { index: 4, type: 'recruitment', title: 'Would you like to join the Panel?' },
        file: 'content/issues/2022-04/issue.yaml',
        line,
        column: 18,
      }),
    ]);
  });
});

describe('privacy, merge-tag and link findings say file:line:column, once each', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  const ADDED = 'Write to *|FNAM|* or read [the guide](http://example.org/guide). Call 07700 900123 today.';

  it('check names the place in issue.yaml, as a content error does, and reports a tag once for HTML and text', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', '      Work is progressing', `      ${ADDED}\n\n      Work is progressing`);
    const line = (await project.read('content/issues/2022-04/issue.yaml')).split('\n').findIndex((l) => l.includes(ADDED)) + 1;
    const column = (text: string) => 7 + ADDED.indexOf(text);

    const json = captured();
    await main(['check', '2022-04', '--json'], json, project.root);
    const report = CheckReport.parse(JSON.parse(json.stdout));
    const at = (code: string) => report.findings.filter((f) => f.code === code).map((f) => [f.file, f.line, f.column, f.field]);
    const file = 'content/issues/2022-04/issue.yaml';
    expect(at('merge-tags/unknown')).toEqual([[file, line, column('*|FNAM|*'), 'body']]);
    expect(at('links/insecure')).toEqual([[file, line, column('http://example.org/guide'), 'body']]);
    expect(at('privacy/phone')).toEqual([[file, line, column('07700 900123'), 'body']]);

    const text = captured();
    await main(['check', '2022-04'], text, project.root);
    expect(text.stdout).toContain(`ERROR   ${file}:${line}:${column('*|FNAM|*')} section 1 (welcome), body: *|FNAM|* in the email HTML and the plain text`);
    expect(text.stdout.match(/\*\|FNAM\|\* in the/g)).toHaveLength(1);
  }, 120_000); // two whole checks on a shared, busy machine

  it('the welcome `new` leaves is "write the welcome", at its place, not a Handlebars error naming a template', async () => {
    expect(await main(['new', '2022-05'], captured(), project.root)).toBe(0);
    const source = await project.read('content/issues/2022-05/issue.yaml');
    const line = source.split('\n').findIndex((l) => l.includes('{{ write the welcome')) + 1;
    const text = captured();
    expect(await main(['check', '2022-05'], text, project.root)).toBe(1);
    expect(text.stdout).toContain(
      `content/issues/2022-05/issue.yaml:${line}:7 section 1 (welcome), body: the welcome is not written yet: it still holds the placeholder \`newsletter new\` put there`,
    );
    expect(text.stdout).toMatch(/fix: write the welcome in content\/issues\/2022-05\/issue\.yaml .*replace the line "\{\{ write the welcome for this issue \}\}" with a few sentences/);
    expect(text.stdout).not.toContain('Handlebars');
    expect(text.stdout).not.toContain('welcome.mjml.hbs');
  }, 120_000);
});

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

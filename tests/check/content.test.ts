// Content that validates but makes no sense: past dates, windows that do not join, empty sections, twin headings.
import { describe, expect, it } from 'vitest';
import { contentCheck } from '../../src/check/checks/content.js';
import type { Issue, Section } from '../../src/content/schema.js';
import { checkApril, SECTION, withCode } from './april.js';

const check = [contentCheck];
type Of<T extends Section['type']> = Extract<Section, { type: T }>;
const section = <T extends Section['type']>(issue: Issue, type: T) => issue.sections.find((s): s is Of<T> => s.type === type)!;

/** An issue sent before April whose reviews window ends on `to`. */
function addPrevious(to: string) {
  return (content: { issues: Issue[] }, april: Issue) => {
    const previous = structuredClone(april);
    Object.assign(previous, { id: '2021-12', sendAt: '2021-12-07 09:00', file: 'content/issues/2021-12/issue.yaml' });
    section(previous, 'published-reviews').window = { from: '2021-09-01', to };
    content.issues.unshift(previous);
  };
}

describe('content check', () => {
  it('a recruitment closing on the send date is an error in the recruitment section', async () => {
    const report = await checkApril({ content: (_, issue) => void (section(issue, 'recruitment').closingDate = '2022-04-05') }, check);
    expect(withCode(report, 'content/closing-date-passed')).toEqual([
      {
        code: 'content/closing-date-passed',
        severity: 'error',
        section: SECTION.recruitment,
        message: 'applications close on 5 April 2022, the day the issue is sent (5 April 2022)',
      },
    ]);
  });

  it('an event before the send date is an error in the news section', async () => {
    const report = await checkApril(
      { content: (_, issue) => void (section(issue, 'stakeholder-news').items[0]!.eventDates = ['2022-03-30', '2022-06-15']) },
      check,
    );
    expect(withCode(report, 'content/event-passed').map((f) => [f.severity, f.section])).toEqual([['error', SECTION.news]]);
    expect(report.findings[0]!.message).toContain('30 March 2022');
  });

  it('a window that joins the previous issue’s is fine; one that overlaps or leaves a gap is a warning', async () => {
    expect((await checkApril({ content: addPrevious('2021-11-30') }, check)).findings).toEqual([]);
    const overlap = await checkApril({ content: addPrevious('2021-12-15') }, check);
    expect(withCode(overlap, 'content/window-overlap').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.published]]);
    expect(overlap.findings[0]!.fix).toContain('2021-12-16');
    const gap = await checkApril({ content: addPrevious('2021-10-31') }, check);
    expect(withCode(gap, 'content/window-gap').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.published]]);
  });

  it('no reviews in the window is an empty section', async () => {
    const report = await checkApril(
      { content: (_, issue) => void (section(issue, 'published-reviews').window = { from: '2019-01-01', to: '2019-03-31' }) },
      check,
    );
    expect(withCode(report, 'content/empty-section').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.published]]);
  });

  it('"In this issue" with nothing listed is an empty section', async () => {
    const report = await checkApril({ content: (_, issue) => issue.sections.forEach((s) => (s.contents = false)) }, check);
    expect(withCode(report, 'content/empty-section').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.contents]]);
  });

  it('two sections with the same heading: the second is reported', async () => {
    const report = await checkApril(
      {
        content: (_, issue) =>
          void (issue.sections[5]!.title = ' national review into safeguarding children with disabilities and complex health needs'),
      },
      check,
    );
    expect(withCode(report, 'content/duplicate-heading').map((f) => [f.severity, f.section])).toEqual([['warning', SECTION.lcsprs]]);
  });
});

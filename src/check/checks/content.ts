// Content that validates but makes no sense on the day it is sent: dates already past, a reviews
// window that does not join up with the previous issue's, a section with nothing in it, two
// sections with the same heading.
import type { Issue, Section } from '../../content/schema.js';
import { addDays, ukDate } from '../../time/uk.js';
import { contentsItems, reviewsInWindow } from '../../render/model.js';
import { type Check, type CheckContext, sectionRef } from '../context.js';
import type { Finding } from '../finding.js';
import { pastDatesInCarriedItems } from './dates-in-text.js';

type Window = { from: string; to: string };

export const contentCheck: Check = {
  name: 'content',
  description: 'dates, review windows, empty sections and headings make sense together',
  run: (ctx) => [
    ...pastDates(ctx),
    ...pastDatesInCarriedItems(ctx.issue, ctx.previous),
    ...windowJoins(ctx),
    ...emptySections(ctx),
    ...duplicateHeadings(ctx),
  ],
};

function pastDates({ issue }: CheckContext): Finding[] {
  const sendDate = issue.sendAt.slice(0, 10);
  return issue.sections.flatMap((s, i): Finding[] => {
    if (s.type === 'recruitment' && s.closingDate <= sendDate)
      return [
        {
          code: 'content/closing-date-passed',
          severity: 'error',
          section: sectionRef(issue, i),
          message: `applications close on ${ukDate(s.closingDate)}, ${s.closingDate === sendDate ? 'the day' : 'before'} the issue is sent (${ukDate(sendDate)})`,
          fix: `correct closingDate in ${issue.file}, or remove the section if recruitment has closed`,
        },
      ];
    if (s.type === 'stakeholder-news')
      return s.items.flatMap((item, n) =>
        item.eventDates
          .filter((d) => d <= sendDate)
          .map((d): Finding => ({
            code: 'content/event-passed',
            severity: 'error',
            section: sectionRef(issue, i),
            message: `news item ${n + 1}${item.title ? ` ("${item.title}")` : ''} is about an event on ${ukDate(d)}, on or before the send date (${ukDate(sendDate)})`,
            fix: `correct eventDates in ${issue.file}, or remove the item`,
          })),
      );
    return [];
  });
}

function windowJoins({ issue, previous }: CheckContext): Finding[] {
  const before = previous && windowOf(previous);
  const index = issue.sections.findIndex((s) => s.type === 'published-reviews');
  const now = windowOf(issue);
  if (!before || !now) return [];
  const section = sectionRef(issue, index);
  const dayAfter = addDays(before.to, 1);
  if (now.from < dayAfter)
    return [
      {
        code: 'content/window-overlap',
        severity: 'warning',
        section,
        message: `the reviews window starts on ${ukDate(now.from)}, but issue ${previous!.id} already covered reviews up to ${ukDate(before.to)}; reviews in both windows are listed twice`,
        fix: `start window.from on ${dayAfter} in ${issue.file}`,
      },
    ];
  if (now.from > dayAfter)
    return [
      {
        code: 'content/window-gap',
        severity: 'warning',
        section,
        message: `issue ${previous!.id} covered reviews up to ${ukDate(before.to)} and this window starts on ${ukDate(now.from)}; reviews published in between are never listed`,
        fix: `start window.from on ${dayAfter} in ${issue.file}`,
      },
    ];
  return [];
}

function windowOf(issue: Issue): Window | undefined {
  return issue.sections.find((s): s is Extract<Section, { type: 'published-reviews' }> => s.type === 'published-reviews')?.window;
}

function emptySections({ content, issue }: CheckContext): Finding[] {
  return issue.sections.flatMap((s, i): Finding[] => {
    if (s.type === 'published-reviews' && reviewsInWindow(content.reviews, s.window, s.kinds).length === 0)
      return [
        {
          code: 'content/empty-section',
          severity: 'warning',
          section: sectionRef(issue, i),
          message: `no ${s.kinds.join(' or ')} reviews in content/reviews.yaml were published between ${ukDate(s.window.from)} and ${ukDate(s.window.to)}`,
          fix: 'add the reviews published in the window to content/reviews.yaml, or remove the section',
        },
      ];
    if (s.type === 'in-this-issue' && contentsItems(issue).length === 0)
      return [
        {
          code: 'content/empty-section',
          severity: 'warning',
          section: sectionRef(issue, i),
          message: 'no section of this issue is listed in "In this issue"',
          fix: `remove the section from ${issue.file}, or let sections appear in it (contents: …)`,
        },
      ];
    return [];
  });
}

function duplicateHeadings({ issue }: CheckContext): Finding[] {
  const key = (title: string) => title.trim().toLowerCase().replace(/\s+/g, ' ');
  return issue.sections.flatMap((s, i): Finding[] => {
    const first = issue.sections.findIndex((o) => key(o.title) === key(s.title));
    if (first === i) return [];
    return [
      {
        code: 'content/duplicate-heading',
        severity: 'warning',
        section: sectionRef(issue, i),
        message: `the heading "${s.title}" is also the heading of section ${first + 1} (${issue.sections[first]!.type}); readers and "In this issue" cannot tell them apart`,
        fix: `give section ${i + 1} (${s.type}) its own title in ${issue.file}`,
      },
    ];
  });
}

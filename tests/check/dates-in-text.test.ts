// A date written in the text of a news item carried over from the last issue ("14 and 15 June
// 2022"), before the send, is a warning; in a new item, or on or after the send, it is not.
import { describe, expect, it } from 'vitest';
import { datesInText, pastDatesInCarriedItems } from '../../src/check/checks/dates-in-text.js';
import type { Issue } from '../../src/content/schema.js';
import { aprilInput } from './april.js';

type News = { type: 'stakeholder-news'; items: { title?: string; body: string }[] };

async function twoIssues(body: string, carried: boolean) {
  const { issue: april } = await aprilInput();
  const previous = structuredClone(april) as Issue;
  const next = { ...structuredClone(april), id: '2022-07', sendAt: '2022-07-05 09:00' } as Issue;
  const newsOf = (i: Issue) => i.sections.find((s) => s.type === 'stakeholder-news') as unknown as News;
  newsOf(previous).items[0]!.body = body;
  newsOf(next).items[0]!.body = carried ? body : `${body} (new)`;
  newsOf(next).items[0]!.title = carried ? newsOf(previous).items[0]!.title : 'A new item';
  return { previous, next };
}

describe('dates in the text of a carried-over news item', () => {
  it('reads "14 and 15 June 2022" as its last day, and ISO dates as they are', () => {
    expect(datesInText('Join us on 14 and 15 June 2022, or on 2022-07-20.')).toEqual([
      { date: '2022-06-15', words: '14 and 15 June 2022' },
      { date: '2022-07-20', words: '2022-07-20' },
    ]);
    expect(datesInText('On 3rd March 2023 and 14–16 May 2023.').map((d) => d.date)).toEqual(['2023-03-03', '2023-05-16']);
  });

  it('warns when a carried-over item gives a date before the send, on its field', async () => {
    const { previous, next } = await twoIssues('The conference is on 14 and 15 June 2022 in Leeds.', true);
    const found = pastDatesInCarriedItems(next, previous);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'content/past-date-in-text', severity: 'warning', field: 'items.0.body' });
    expect(found[0]!.message).toContain('came over from issue 2022-04 and its text gives "14 and 15 June 2022", before the send date');
  });

  it('says nothing of a new item, or of a date on or after the send', async () => {
    const fresh = await twoIssues('The conference is on 14 and 15 June 2022 in Leeds.', false);
    expect(pastDatesInCarriedItems(fresh.next, fresh.previous)).toEqual([]);
    const later = await twoIssues('The conference is on 5 July 2022 in Leeds.', true);
    expect(pastDatesInCarriedItems(later.next, later.previous)).toEqual([]);
  });
});

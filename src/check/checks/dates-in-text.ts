// Dates written in the words of a news item carried over from the last issue ("on 14 and 15 June
// 2022"): the item came back unchanged in its title or text, so a date in it that is before the send
// is most likely an event already past. The item's `eventDates` are checked elsewhere (content.ts).
import type { Issue } from '../../content/schema.js';
import { ukDate } from '../../time/uk.js';
import { sectionRef } from '../context.js';
import type { Finding } from '../finding.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
// "14 June 2022", "14 and 15 June 2022", "14–15 June 2022", "2022-06-14".
const WRITTEN = new RegExp(`\\b${DAY}(?:\\s*(?:and|to|-|–|&)\\s*${DAY})?\\s+(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** Each date written in the text, as YYYY-MM-DD (a range by its last day), with the words it was written in. */
export function datesInText(text: string): { date: string; words: string }[] {
  const out: { date: string; words: string }[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  for (const m of text.matchAll(WRITTEN)) {
    const day = Number(m[2] ?? m[1]);
    const month = MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
    if (day >= 1 && day <= 31) out.push({ date: `${m[4]}-${pad(month)}-${pad(day)}`, words: m[0] });
  }
  for (const m of text.matchAll(ISO)) out.push({ date: m[0], words: m[0] });
  return out;
}

type NewsItem = { title?: string; body: string };

function newsItems(issue: Issue | undefined): { item: NewsItem; section: number; n: number }[] {
  if (!issue) return [];
  return issue.sections.flatMap((s, section) => (s.type === 'stakeholder-news' ? s.items.map((item, n) => ({ item, section, n })) : []));
}

export function pastDatesInCarriedItems(issue: Issue, previous: Issue | undefined): Finding[] {
  const before = newsItems(previous).map((x) => x.item);
  if (before.length === 0) return [];
  const sendDate = issue.sendAt.slice(0, 10);
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.trim() === b.trim();
  return newsItems(issue).flatMap(({ item, section, n }): Finding[] => {
    const carried = before.some((b) => same(b.body, item.body) || same(b.title, item.title));
    if (!carried) return [];
    return [...datesInText(item.title ?? ''), ...datesInText(item.body)]
      .filter((d) => d.date < sendDate)
      .map((d) => ({
        code: 'content/past-date-in-text',
        severity: 'warning',
        section: sectionRef(issue, section),
        field: `items.${n}.body`,
        message: `news item ${n + 1}${item.title ? ` ("${item.title}")` : ''} came over from issue ${previous!.id} and its text gives "${d.words}", before the send date (${ukDate(sendDate)})`,
        fix: `update or remove the item in the studio's editor (or in ${issue.file})`,
      }));
  });
}

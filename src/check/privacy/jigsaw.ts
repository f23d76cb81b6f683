// Tiers 2 and 3: details that identify only in combination. An exact age beside a place finer
// than a local authority (tier 2); three or more kinds of quasi-identifier in one paragraph
// (tier 3: the "jigsaw" of the Family Court's anonymisation guidance, the ICO's linkability).
import type { AllowList } from './allow-list.js';
import { type Detection, detection } from './detection.js';
import { AGE, MONTH_YEAR, RARE_CONDITION, matches } from './patterns.js';
import { subAuthorityPlaces } from './places.js';
import type { Range } from './text.js';

type Found = { start: number; end: number; text: string };

export function agePlace(text: string, sentence: Range, allow: AllowList): Detection[] {
  const ages = matches(AGE, text, sentence.start, sentence.end);
  if (ages.length === 0) return [];
  const places = subAuthorityPlaces(text, sentence.start, sentence.end, allow);
  if (places.length === 0) return [];
  const [age, place] = [ages[0]!, places[0]!];
  const start = Math.min(age.start, place.start);
  const end = Math.max(age.end, place.end);
  return [
    detection(
      'age-place',
      2,
      { start, end, text: text.slice(start, end) },
      { quote: `${age.text} + ${place.text}`, detail: `${age.text}, ${place.text}` },
    ),
  ];
}

const KINDS = ['an exact age', 'a month and year', 'a place finer than a local authority', 'a school', 'a rare condition'] as const;

/** `schools` are the school names already found in the field (tier 2). */
export function jigsaw(text: string, paragraph: Range, allow: AllowList, schools: Found[]): Detection[] {
  const within = (f: Found) => f.start >= paragraph.start && f.end <= paragraph.end;
  const places = subAuthorityPlaces(text, paragraph.start, paragraph.end, allow).filter(
    (p) => !schools.some((s) => p.start < s.end && s.start < p.end),
  );
  const byKind: Found[][] = [
    matches(AGE, text, paragraph.start, paragraph.end),
    matches(MONTH_YEAR, text, paragraph.start, paragraph.end),
    places,
    schools.filter(within),
    matches(RARE_CONDITION, text, paragraph.start, paragraph.end),
  ];
  const present = byKind
    .map((found, i) => ({ kind: KINDS[i]!, first: found[0] }))
    .filter((k): k is { kind: (typeof KINDS)[number]; first: Found } => k.first !== undefined);
  if (present.length < 3) return [];
  const start = Math.min(...present.map((p) => p.first.start));
  const end = Math.max(...present.map((p) => p.first.end));
  return [
    detection(
      'jigsaw',
      3,
      { start, end, text: text.slice(start, end) },
      { quote: present.map((p) => p.first.text).join(' + '), detail: present.map((p) => `${p.kind} ("${p.first.text}")`).join(', ') },
    ),
  ];
}

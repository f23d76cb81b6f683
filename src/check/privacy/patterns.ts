// The words and shapes the detectors share: dates, ages, child and family words, conditions.
// Written for prose as review summaries are written (UK dates, "aged 6", "a six-year-old").

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';

/** A day, a month and a year: "3 February 2020", "3rd of Feb 2020", "February 3, 2020", "3-Feb-2020", "03/02/2020", "2020-02-03". */
export const FULL_DATE = new RegExp(
  `\\b(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}|${MONTH}\\s+${DAY},?\\s+${YEAR}|${DAY}-${MONTH}-${YEAR}|(?:[12]\\d|3[01]|0?[1-9])[/.-](?:1[0-2]|0?[1-9])[/.-](?:${YEAR}|\\d{2})|${YEAR}[/.-](?:1[0-2]|0[1-9])[/.-](?:[12]\\d|3[01]|0[1-9]))\\b`,
  'g',
);
/** A month and a year: when something happened ("in November 2022"). */
export const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, 'g');
/** What may follow "born in" or "date of birth": a full date, a month and year, or a year alone. */
export const BIRTH_DATE = new RegExp(`(?:${FULL_DATE.source}|${MONTH_YEAR.source}|\\b${YEAR}\\b)`);

const NUMBER_WORD =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\\d{1,2})';
const UNIT = '(?:years?|months?|weeks?|days?)';
const UNIT_ONE = '(?:year|month|week|day)';
/** An exact age: "aged 6", "aged six months", "a six-year-old", "8-day-old", "17 years old". */
export const AGE = new RegExp(
  `\\b(?:aged\\s+${NUMBER_WORD}(?:\\s+${UNIT})?(?:\\s+old)?|${NUMBER_WORD}[- ]${UNIT_ONE}[- ]old|${NUMBER_WORD}\\s+${UNIT}\\s+old|age\\s+\\d{1,2})\\b`,
  'gi',
);

/** "child" as a noun about one child, not as a modifier ("child protection", "Child Safeguarding Practice Review"). */
const CHILD =
  "child(?:'s|’s)?(?!\\s+(?:safeguarding|protection|care|deaths?|sexual|abuse|exploitation|poverty|development|practice|health|mental|criminal|welfare|trafficking|arrangements|in need)\\b)";
/** Words that say a sentence is about a particular child. Plural "children" is policy talk and is not one. */
export const CHILD_WORD = new RegExp(
  `\\b(?:${CHILD}|bab(?:y|ies)|infant|toddler|new-?born|boy|girl|son|daughter|pupil|teenager|young person)\\b`,
  'i',
);
/** Words that put a sentence in a family's private life: the child, kin, carers, school, an age. */
export const FAMILY_WORD = new RegExp(
  `\\b(?:${CHILD}|bab(?:y|ies)|infant|toddler|new-?born|boy|girl|sons?|daughters?|pupil|teenager|young person|aged|year-old|mother|mum|father|dad|step-?(?:father|mother|dad|mum|son|daughter)|(?<!safeguarding\\s)partner|siblings?|brothers?|sisters?|half-(?:brother|sister)|grand(?:mother|father|parents?|ma|ad|dad)|nan|aunt|uncle|cousin|nephew|niece|carers?|guardian|school)\\b`,
  'i',
);

/** Kin and carer words after which a capitalised word is most likely a person's name (not after "mother's": that is her thing). */
export const KIN =
  "(?:mother|mum|father|dad|step-?(?:father|mother|dad|mum)|partner|brother|sister|half-(?:brother|sister)|sibling|grand(?:mother|father|ma|ad|dad)|nan|aunt|uncle|cousin|carer|boyfriend|girlfriend|husband|wife)(?![’'])";

/** Conditions rare enough to narrow a child down in a local area. */
export const RARE_CONDITION = new RegExp(
  "\\b(?:cerebral palsy|spina bifida|down(?:'s|’s)? syndrome|cystic fibrosis|muscular dystrophy|sickle cell(?: disease| anaemia)?|(?:Rett|Angelman|Prader[- ]Willi|Edwards|Patau|Williams|Noonan|Turner) syndrome|fragile X|tourette(?:'s|’s)?(?: syndrome)?|hydrocephalus|osteogenesis imperfecta|brittle bone disease|tracheostomy|gastrostomy|(?:PEG|tube)[- ]fed|rare (?:genetic|chromosomal|metabolic|medical|heart) (?:condition|disorder|syndrome|disease)|life[- ]limiting (?:condition|illness)|congenital heart (?:defect|disease)|leukaemia|epidermolysis bullosa|batten disease)\\b",
  'gi',
);

export const MONTH_NAMES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(
    ' ',
  ),
);

/** Every match of a global regex, as ranges with their text. */
export function matches(re: RegExp, text: string, from = 0, to = text.length): { start: number; end: number; text: string }[] {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const g = new RegExp(re.source, flags);
  return [...text.slice(from, to).matchAll(g)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] }));
}

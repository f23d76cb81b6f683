// Tier 1: a date of birth, however it is written. A birth word ("born", "date of birth", "DOB",
// "b." in brackets) followed by a date is one wherever it stands; a name followed by two dates in
// brackets is a lifespan, whose first date is one. Dates alone near a child are child-date.
import { type Detection, detection } from './detection.js';
import { BIRTH_DATE, FULL_DATE, matches } from './patterns.js';

const DATE = `(?:${BIRTH_DATE.source})`;
/** What may stand between the birth word and the date: "date of birth: was given as the 14th …". */
const FILLER = '(?:(?:was|is|of|the|on|in|given as|recorded as|listed as|noted as)\\s+)*';
/** "date of birth", "date-of-birth", "birth date", "birthdate", "DOB", "DoB", "D.O.B." */
const LABEL = '\\b(?:dates?[- ]of[- ]birth|birth[- ]?date|D\\.?O\\.?B\\b\\.?)';
/** "(b. 14 March 2015)", "(b 2015)": the biographer's abbreviation, only in brackets. */
const ABBREVIATED = '(?<=\\(\\s*)b\\.?(?=\\s)';
/** "born" but not "new-born", "first-born" or "stillborn". */
const BORN = '(?<![\\w-])born';
/** Up to four words before "on" or "in": "born prematurely at home on 3 May 2015", "born in Leeds in 2015". */
const BORN_DETOUR = "(?:\\s+(?!(?:and|but|to|then|with|after|before|out)\\b)[\\p{L}\\d’'-]+){1,4}?\\s+(?:on|in)\\s+";

const BIRTH = new RegExp(
  `(?:(?:${LABEL}|${ABBREVIATED})[\\s:,–—(-]*${FILLER}|${BORN}(?:${BORN_DETOUR}${FILLER}|[\\s:,–—(-]+${FILLER}))${DATE}`,
  'giu',
);

const NAME_WORD = "[A-Z][a-z’'-]+";
/** Capitalised words that make a phrase an event, a document or an office, not a person. */
const NOT_A_PERSON =
  /\b(?:Conference|Week|Day|Month|Year|Report|Review|Plan|Strategy|Festival|Summit|Event|Webinar|Programme|Partnership|Panel|Act|Board|Council|Fund|Awards?|Together|Safeguarding|Guidance|Framework|Forum|Network|Service|Trust|Office|Department)\b/;
/** "Amelia Roberts (14 March 2015 – 2 June 2021)": a lifespan after a name. */
const LIFESPAN = new RegExp(
  `(${NAME_WORD}(?:\\s+${NAME_WORD}){1,2})\\s*\\(\\s*(${FULL_DATE.source})\\s*[–—-]\\s*(?:${FULL_DATE.source})\\s*\\)`,
  'g',
);

export function birthDates(text: string): Detection[] {
  const cued = matches(BIRTH, text).map((m) => detection('date-of-birth', 1, m));
  const lifespans = [...text.matchAll(LIFESPAN)]
    .filter((m) => !NOT_A_PERSON.test(m[1]!))
    .map((m) => {
      const start = m.index + m[0].indexOf(m[2]!, m[1]!.length);
      return detection('date-of-birth', 1, { start, end: start + m[2]!.length, text: m[2]! });
    });
  return [...cued, ...lifespans];
}

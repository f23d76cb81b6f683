// Abbreviations, which GOV.UK asks writers to spell out the first time they are used ("Local Child
// Safeguarding Practice Reviews (LCSPRs)"), unless they are better known than their full form.
// Read over the whole issue in reading order: a use before the spelling-out is a finding, with the
// first place it is used and where it is spelt out, if it ever is.

/** Better known than their full form: never asked to be spelt out. */
export const WELL_KNOWN = new Set([
  'UK',
  'GB',
  'EU',
  'US',
  'USA',
  'NHS',
  'GOV_UK',
  'BBC',
  'GP',
  'MP',
  'VAT',
  'PDF',
  'TV',
  'COVID',
  'NSPCC',
  'RSS',
  'OK',
  'FAQ',
  'URL',
  'BST',
  'GMT',
]);

export interface AbbreviationUse {
  /** The abbreviation without a plural "s": "LCSPR" for "LCSPRs". */
  key: string;
  start: number;
  end: number;
  text: string;
  /** The full form, when this use spells it out: "Local Child Safeguarding Practice Reviews (LCSPRs)". */
  spelt?: string;
}

/** Two or more capitals (DfE and MoJ too), with an optional plural "s": LCSPR, LCSPRs, SCR, DfE. */
const ABBREVIATION = /(?<![\p{L}\d_'’-])(?:[A-Z][A-Z\d&]{1,7}|[A-Z][a-z][A-Z][A-Za-z]?)s?(?![\p{L}\d_'’-])/gu;
/** Words that do not count in initials: "Department for Education" is DfE. */
const SMALL = /^(?:of|for|and|the|in|on|to|a|an|&)$/i;

export function abbreviationsIn(prose: string): AbbreviationUse[] {
  const uses: AbbreviationUse[] = [];
  for (const m of prose.matchAll(ABBREVIATION)) {
    const text = m[0];
    // A run of capitals is shouting ("PLEASE NOTE"), not an abbreviation.
    const around = prose.slice(Math.max(0, m.index - 30), m.index + text.length + 30);
    if ((around.match(/\b[A-Z]{3,}\b/g) ?? []).length >= 3 && !/[a-z]/.test(text)) continue;
    const key = /[A-Z]s$/.test(text) ? text.slice(0, -1) : text;
    if (WELL_KNOWN.has(key) || /^[IVXLC]+$/.test(key)) continue;
    uses.push({ key, start: m.index, end: m.index + text.length, text, spelt: speltOut(prose, m.index, text.length, key) });
  }
  return uses;
}

/** "Full Words (ABBR)" or "ABBR (Full Words)" around this use: the full form, when its initials are the abbreviation's. */
function speltOut(prose: string, start: number, length: number, key: string): string | undefined {
  const letters = key.replace(/[^A-Za-z]/g, '').toLowerCase();
  const bracketed = prose[start - 1] === '(' && prose[start + length] === ')';
  if (bracketed) {
    const words = prose
      .slice(Math.max(0, start - 200), start - 1)
      .trimEnd()
      .split(/\s+/);
    for (let n = 1; n <= Math.min(words.length, letters.length * 2 + 2); n++) {
      const phrase = words.slice(-n);
      if (initialsMatch(phrase, letters)) return `${phrase.join(' ')} (${prose.slice(start, start + length)})`;
    }
    return undefined;
  }
  const after = /^\s*\(([^)]{3,200})\)/.exec(prose.slice(start + length, start + length + 400));
  if (after && initialsMatch(after[1]!.trim().split(/\s+/), letters)) return `${prose.slice(start, start + length)} (${after[1]!.trim()})`;
  return undefined;
}

/** The first letters of the words, with or without the small ones ("Department for Education" is DfE, "Children and Families" CAF). */
function initialsMatch(words: readonly string[], letters: string): boolean {
  const first = (list: readonly string[]) =>
    list
      .map((w) => w.replace(/^[^\p{L}]+/u, '').slice(0, 1))
      .join('')
      .toLowerCase();
  return first(words) === letters || first(words.filter((w) => !SMALL.test(w))) === letters;
}

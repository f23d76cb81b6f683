// Proper nouns are never flagged: the names the content itself holds (review titles, partnerships,
// Panel members, the nine regions, the publication's own names and address) are blanked before
// the word and abbreviation checks read the text, and so is any run of capitalised words in the
// middle of a sentence ("the Strengthening Families, Protecting Children Programme").
import type { Content } from '../../content/schema.js';
import { REGION_NAMES } from '../../content/regions.js';

/** Every name the content gives, longest first so "Hull Safeguarding Children Partnership" wins over "Hull". */
export function contentNames(content: Content): string[] {
  const { newsletter } = content;
  const names = [
    ...REGION_NAMES,
    ...content.regions.regions.flatMap((r) => r.links.map((l) => l.name)),
    ...content.reviews.flatMap((r) => [r.title, r.partnership]),
    newsletter.name,
    newsletter.organisation,
    newsletter.sender.name,
    ...newsletter.postalAddress,
    ...newsletter.social.map((s) => s.name),
  ];
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each name in lower case with single spaces, and its pattern compiled on first use: a registry
 * of 500 reviews gives a thousand names, and most never occur in a given text.
 */
const patterns = new Map<string, { plain: string; re?: RegExp }>();
const plainText = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

function patternOf(name: string): { plain: string; re?: RegExp } {
  let p = patterns.get(name);
  if (!p) {
    if (patterns.size >= 10_000) patterns.clear(); // names edited away in a long-running studio
    patterns.set(name, (p = { plain: plainText(name) }));
  }
  return p;
}

const WORD_BREAK = /[^\p{L}\d]+/u;
const wordsOf = (s: string) => s.toLowerCase().split(WORD_BREAK).filter(Boolean);

/**
 * The names that may occur in these texts, for blankNames to try: a name is found only where each
 * of its words stands whole (the pattern allows no letter or digit either side, and the name's own
 * spaces and signs part its words), so one with a word that is in none of the texts is left out at
 * once. With a registry of 500 reviews, most of a thousand names go here, instead of being looked
 * for in every field.
 */
export function namesIn(texts: readonly string[], names: readonly string[]): string[] {
  const words = new Set(texts.flatMap(wordsOf));
  return names.filter((name) => wordsOf(name).every((word) => words.has(word)));
}

/** The prose with each known name blanked (same length, so offsets hold). */
export function blankNames(prose: string, names: readonly string[]): string {
  let out = prose;
  const plain = plainText(prose);
  for (const name of names) {
    const p = patternOf(name);
    // A name that is nowhere in the prose, whatever its case and spacing, cannot match: skip its regex.
    if (!plain.includes(p.plain)) continue;
    p.re ??= new RegExp(`(?<![\\p{L}\\d])${escape(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\d])`, 'giu');
    out = out.replace(p.re, (m) => m.replace(/\S/g, ' '));
  }
  return out;
}

/** A field written in title case ("Have Your Say"): there a capital says nothing about a name. */
export function titleCase(prose: string): boolean {
  const words = prose.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length > 1 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** A capitalised word that does not start a sentence, a list item or a field reads as part of a name. */
export function insideName(prose: string, start: number): boolean {
  if (!/^\p{Lu}/u.test(prose.slice(start, start + 1))) return false;
  // Walked back from the word, not matched with /…$/ on everything before it: that would read the
  // whole field again for every capitalised word (quadratic on a long paste, issue 22).
  let i = start - 1;
  while (i >= 0 && /\s/.test(prose[i]!)) {
    if (prose[i] === '\n') return false;
    i--;
  }
  return i >= 0 && !'.!?:;"“‘('.includes(prose[i]!);
}

/**
 * A capitalised word next to another capitalised word, in the same sentence, is part of a name of
 * several words ("Strengthening Families"), even at the start of a sentence.
 */
export function inMultiWordName(prose: string, start: number, end: number): boolean {
  if (!/^\p{Lu}/u.test(prose.slice(start, start + 1))) return false;
  const next = /^[ \t]+(\p{L})/u.exec(prose.slice(end));
  if (next && /\p{Lu}/u.test(next[1]!)) return true;
  const previous = /(\p{L}[\p{L}'’-]*)[ \t]+$/u.exec(prose.slice(0, start));
  return previous !== null && /^\p{Lu}/u.test(previous[1]!) && insideName(prose, start - previous[0].length);
}

// Tier 2: a person's name, not on the allow-list, in a sentence about a child or a family.
// compromise finds names; it costs about a quarter of a second to load, so it is imported only
// when some sentence has family context. A kinship pattern ("his mother, Amira") catches the
// names compromise misses.
import { type AllowList, isAllowedName, normaliseName } from './allow-list.js';
import { type Detection, detection } from './detection.js';
import { FAMILY_WORD, KIN, MONTH_NAMES } from './patterns.js';
import type { Range } from './text.js';

type Nlp = (typeof import('compromise'))['default'];
let nlp: Promise<Nlp> | undefined;

/** Whether compromise has been imported in this process (the cold-start cost is paid once). */
export function nlpLoaded(): boolean {
  return nlp !== undefined;
}

function loadNlp(): Promise<Nlp> {
  nlp ??= import('compromise').then((m) => m.default);
  return nlp;
}

export function hasFamilyContext(text: string, sentence: Range): boolean {
  return FAMILY_WORD.test(text.slice(sentence.start, sentence.end));
}

const NAME = "[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?";
const HONORIFIC = '(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+)';
/** "his mother Kelly Smith", "her partner, Jason", "the child's grandmother, Mrs Patricia Ahmed". */
const AFTER_KIN = new RegExp(`\\b${KIN},?\\s+(${HONORIFIC}?${NAME}(?:\\s+${NAME})?)`, 'g');
/** "Kelly Smith, his mother," */
const BEFORE_KIN = new RegExp(`(${HONORIFIC}?${NAME}(?:\\s+${NAME})?),\\s+(?:his|her|their|the child's|the child’s)\\s+${KIN}\\b`, 'g');
/** Capitalised words that are no one's name here. */
const NOT_A_NAME =
  /^(?:The|This|That|He|She|They|His|Her|Their|It|Was|Had|Who|And|But|When|After|Before|Child|Baby|Family|Panel|Police|Social|Children|Ofsted|Covid|Christmas|Easter|Both|Also|Had|Is|Were|Did|In|At|On|From|To|With|Of|For|As|Both|Later|Then|Care|Services?|Health|Court|School|Nursery|Academy|College)$/;

export async function personNames(text: string, sentences: Range[], allow: AllowList, taken: Range[]): Promise<Detection[]> {
  const context = sentences.filter((s) => hasFamilyContext(text, s));
  if (context.length === 0) return [];
  const found: Detection[] = [];
  const add = (start: number, raw: string) => {
    const head = raw.replace(/[\s,.;:!?)]+$/, '');
    // compromise may stop early ("Dr RENUKA" of "Dr RENUKA JEYARAJAH-DENT"): the name runs on over capitalised words.
    const rest = /^(?:[\s-]+[A-Z][\p{L}'’]*){0,3}/u.exec(text.slice(start + head.length))![0];
    const name = (head + rest).replace(/['’]s?$/, '');
    const end = start + name.length;
    const first = name.replace(new RegExp(`^${HONORIFIC}`), '').split(/\s+/)[0] ?? '';
    if (!/^[A-Z]/.test(first) || NOT_A_NAME.test(first) || MONTH_NAMES.has(first.toLowerCase())) return;
    if (isAllowedName(allow, name) || isPseudonymAt(text, start)) return;
    if (taken.some((t) => start < t.end && t.start < end) || found.some((f) => f.start < end && start < f.end)) return;
    if (found.some((f) => normaliseName(f.text) === normaliseName(name))) return;
    found.push(detection('name', 2, { start, end, text: name }));
  };
  for (const s of context) {
    const slice = text.slice(s.start, s.end);
    for (const m of slice.matchAll(AFTER_KIN)) add(s.start + m.index + m[0].lastIndexOf(m[1]!), m[1]!);
    for (const m of slice.matchAll(BEFORE_KIN)) add(s.start + m.index, m[1]!);
  }
  const parse = await loadNlp();
  for (const s of context) {
    const people = parse(text.slice(s.start, s.end)).people().out('offset') as { text: string; offset: { start: number } }[];
    for (const p of people) add(s.start + p.offset.start, p.text.trim());
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "Thomas" in "Baby Thomas", "P" in "Child P": the pseudonym the review gave; "James" in "St James's Hospital": a saint. */
function isPseudonymAt(text: string, start: number): boolean {
  return /\b(?:Child|Baby|Family|Sibling|St\.?|Saint)\s+$/i.test(text.slice(Math.max(0, start - 10), start));
}

// The words of an issue a privacy detector reads: every text field, with its place (section and
// field path), cut into paragraphs and sentences by offsets so findings can point at a span.
import type { Issue } from '../../content/schema.js';
import type { FieldRef } from '../place-in-file.js';

/** A field (the same reference findings are placed by in the issue file) and its value. */
export interface TextField extends FieldRef {
  text: string;
}

export interface Range {
  start: number;
  end: number;
}

/** Fields that hold no prose: addresses, dates, the section type. */
const NOT_PROSE = new Set(['type', 'url', 'link', 'closingDate', 'window', 'eventDates', 'kinds', 'markChanges', 'decorative']);

export function textFields(issue: Issue): TextField[] {
  const fields: TextField[] = [
    { section: null, field: 'subject', text: issue.subject },
    { section: null, field: 'preheader', text: issue.preheader },
  ];
  issue.sections.forEach((s, i) => collect(s as Record<string, unknown>, '', i, fields));
  return fields;
}

function collect(value: Record<string, unknown>, prefix: string, section: number, into: TextField[]): void {
  for (const [key, v] of Object.entries(value)) {
    if (NOT_PROSE.has(key)) continue;
    const path = prefix + key;
    // A file name is read as the words it is made of ("jo-smith_age7.jpg" → "jo smith age7 jpg"), same length so spans hold.
    if (typeof v === 'string') into.push({ section, field: path, text: key === 'src' ? v.replace(/[-_.]/g, ' ') : v });
    // A picture's file name, alt text and caption: File Manager addresses are public, so its name is read like text.
    else if (v && typeof v === 'object' && !Array.isArray(v)) collect(v as Record<string, unknown>, `${path}.`, section, into);
    else if (Array.isArray(v))
      v.forEach((item, n) => {
        if (item && typeof item === 'object') collect(item as Record<string, unknown>, `${path}.${n}.`, section, into);
      });
  }
}

/** Web addresses blanked with spaces (same length, so offsets hold): digits in a URL are not a phone number. */
export function maskLinks(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(/\]\((?!mailto:)[^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`).replace(/\bhttps?:\/\/[^\s)<>\]]+/gi, blank);
}

/** Paragraphs: blocks between blank lines, and each Markdown list item on its own. */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)(?![ \t]*(?:[-*+]|\d+[.)])[ \t])[^\n]*)*/g;
  for (const m of text.matchAll(re)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Rev|Cllr|No|nos?|e\.g|i\.e|etc|approx|c|vs)\.$/i;

/** Sentences inside a range: cut after . ! ? followed by a space and a capital, a digit or a quote, and at line ends. */
export function sentences(text: string, range: Range = { start: 0, end: text.length }): Range[] {
  const out: Range[] = [];
  let start = range.start;
  const body = text.slice(range.start, range.end);
  const re = /[.!?]["'’”)]?(?=\s+["'‘“(]?[A-Z0-9])|\n/g;
  for (const m of body.matchAll(re)) {
    const end = range.start + m.index + m[0].length;
    if (m[0] !== '\n' && ABBREVIATION.test(text.slice(start, range.start + m.index + 1))) continue;
    push(text, start, end, out);
    start = end;
  }
  push(text, start, range.end, out);
  return out;
}

function push(text: string, start: number, end: number, out: Range[]): void {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const trail = slice.length - slice.trimEnd().length;
  if (slice.trim()) out.push({ start: start + lead, end: end - trail });
}

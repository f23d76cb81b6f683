// The issue's own words as a reader meets them: every prose field in reading order (subject,
// preheader, then each section's fields), with Markdown syntax, addresses and merge tags blanked
// by spaces of the same length, so an offset in the prose is an offset in the field's value.
import type { Issue } from '../../content/schema.js';
import { type TextField, textFields } from '../privacy/text.js';

export interface ProseField extends TextField {
  /** The value with markup blanked: what is read, offsets unchanged. */
  prose: string;
}

const blank = (m: string) => ' '.repeat(m.length);

/** Markdown and addresses blanked, words kept: "[the review](https://…)" reads "the review". */
export function readable(value: string): string {
  return (
    value
      .replace(/\*\|[A-Z0-9_:]+\|\*/g, blank)
      // Each pattern is linear on any text (issue 22): a link's words hold no "[" and its parts are
      // bounded, and an address starts only where a run of address characters starts.
      .replace(/\[([^[\]\n]{0,500})\]\(([^)\s]{0,2000})\)/g, (m, words: string) => ` ${words}${blank(m.slice(words.length + 1))}`)
      .replace(/<?\bhttps?:\/\/[^\s)<>\]]+>?/gi, blank)
      .replace(/(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, blank)
      // GOV.UK is a name, not an abbreviation followed by a full stop.
      .replace(/\bGOV\.UK\b/g, 'GOV_UK')
      .replace(/^([ \t]*)(?:[-*+]|\d+[.)]|#{1,6})(?=[ \t])/gm, (m) => blank(m))
      .replace(/\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)/g, blank)
  );
}

export function proseFields(issue: Issue): ProseField[] {
  return textFields(issue).map((f) => ({ ...f, prose: readable(f.text) }));
}

/** "the preheader", "section 6 (article), title": a place in the issue as the secretariat names it. */
export function placeName(issue: Issue, f: Pick<TextField, 'section' | 'field'>): string {
  if (f.section === null) return `the ${f.field}`;
  return `section ${f.section + 1} (${issue.sections[f.section]!.type}), ${f.field}`;
}

// The one place findings are given file:line:column: an offset in a field's value, as the checks
// read it, to where that character is written in the issue file, however the value is written.
import { describe, expect, it } from 'vitest';
import { placeInFile, readScalar } from '../../src/check/place-in-file.js';
import { parseYaml } from '../../src/content/yaml.js';

const FILE = 'content/issues/2099-01/issue.yaml';

/** The issue as checked: the file's own values, trimmed as the schema trims them. */
function checkedOf(text: string): object {
  const parsed = parseYaml({ file: FILE, text });
  if (Array.isArray(parsed)) throw new Error(parsed[0]!.message);
  return JSON.parse(JSON.stringify(parsed.data, (_, v: unknown) => (typeof v === 'string' ? v.trim() : v))) as object;
}

/** Where `word` (its nth use in the value) is placed, and the file's text found there. */
function placeOf(text: string, field: string, word: string, section: number | null = 0, checked = checkedOf(text)) {
  const value = (
    section === null
      ? (checked as Record<string, string>)[field]
      : field
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], (checked as { sections: unknown[] }).sections[section])
  ) as string;
  const place = placeInFile(checked, { file: FILE, text })({ section, field }, value.indexOf(word));
  if (!place) return undefined;
  const line = text.split('\n')[place.line - 1]!;
  return { ...place, there: line.slice(place.column - 1, place.column - 1 + word.length) };
}

const ISSUE = `subject: "Say \\"hello\\" to the Panel's news"
preheader: 'It''s the April issue'
sections:
  - type: welcome
    body: |
      As we move into the new year.

      Work is progressing on the review.
  - type: article
    title: A plain title that
      runs onto a second line
    body: >
      Folded lines are

      joined with a space,
      but a blank line stays.
    items:
      - body: "An escaped\\tword, then
          a folded line"
`;

describe('placeInFile', () => {
  it('places a word in a literal block on its own line, past the indent', () => {
    expect(placeOf(ISSUE, 'body', 'progressing')).toEqual({ line: 8, column: 15, there: 'progressing' });
    expect(placeOf(ISSUE, 'body', 'As')).toEqual({ line: 6, column: 7, there: 'As' });
  });

  it('places a word in a folded block, whose lines the value joins', () => {
    expect(placeOf(ISSUE, 'body', 'joined', 1)).toEqual({ line: 15, column: 7, there: 'joined' });
    expect(placeOf(ISSUE, 'body', 'stays', 1)).toEqual({ line: 16, column: 24, there: 'stays' });
  });

  it('places a word in a quoted value after its quote and escapes, on the line it is folded from', () => {
    expect(placeOf(ISSUE, 'subject', 'to the', null)).toEqual({ line: 1, column: 25, there: 'to the' });
    expect(placeOf(ISSUE, 'preheader', 'April', null)).toEqual({ line: 2, column: 23, there: 'April' });
    expect(placeOf(ISSUE, 'items.0.body', 'word', 1)).toEqual({ line: 18, column: 28, there: 'word' });
    expect(placeOf(ISSUE, 'items.0.body', 'folded', 1)).toEqual({ line: 19, column: 13, there: 'folded' });
  });

  it('places a word in a plain value, on its second line too', () => {
    expect(placeOf(ISSUE, 'title', 'plain', 1)).toEqual({ line: 10, column: 14, there: 'plain' });
    expect(placeOf(ISSUE, 'title', 'second', 1)).toEqual({ line: 11, column: 19, there: 'second' });
  });

  it('gives the field itself when no offset is asked for', () => {
    const checked = checkedOf(ISSUE);
    expect(placeInFile(checked, { file: FILE, text: ISSUE })({ section: 1, field: 'title' })).toEqual({ line: 10, column: 12 });
  });

  it('places nothing when the file no longer holds the text checked, or cannot be read', () => {
    const checked = checkedOf(ISSUE);
    const changed = ISSUE.replace('Work is progressing', 'Work is going ahead');
    expect(placeOf(changed, 'body', 'progressing', 0, checked)).toBeUndefined();
    expect(placeOf(ISSUE.replace('"Say', "'Say"), 'subject', 'Panel', null, checked)).toBeUndefined();
    // Another field of the changed file still matches, and is placed.
    expect(placeOf(changed, 'title', 'plain', 1, checked)).toEqual({ line: 10, column: 14, there: 'plain' });
    expect(placeInFile(checked, { file: FILE, text: 'sections: [' })({ section: 0, field: 'body' }, 0)).toBeUndefined();
    expect(placeInFile(checked, undefined)({ section: 0, field: 'body' }, 0)).toBeUndefined();
  });

  it('reads each way of writing a value as YAML does', () => {
    for (const raw of [
      '|\n  one\n\n    two\n  three\n',
      '>\n  one\n  two\n\n  three\n    deeper\n  four\n',
      '"a\\x41\\u00e9 \\\n  b"',
      "'it''s\n\n  here'",
      'plain\n  words',
    ])
      expect(readScalar(raw)!.text.trim()).toBe(String((checkedOf(`v: ${raw}`) as { v: string }).v));
  });
});

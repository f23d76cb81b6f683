import { describe, expect, it } from 'vitest';
import { londonToUtc, ukDate, ukDateTime, ukDateWithDay } from '../../src/time/uk.js';
import { markdownToText } from '../../src/render/markdown.js';

describe('plain text from Markdown', () => {
  it('keeps list items on consecutive lines, paragraphs apart, links as text (URL)', () => {
    const md =
      'Rapid reviews should:\n\n- set out a [clear rationale](https://example.org/r)\n- make the connection\n\nEmail [us](mailto:a@b.org) or <https://example.org>.';
    expect(markdownToText(md)).toBe(
      'Rapid reviews should:\n\n- set out a clear rationale (https://example.org/r)\n- make the connection\n\nEmail us (a@b.org) or https://example.org.',
    );
  });

  it('numbers ordered lists and wraps long items under their text', () => {
    const md = `1. ${'word '.repeat(20).trim()}\n2. two`;
    expect(markdownToText(md, 40)).toBe(
      '1. word word word word word word word\n   word word word word word word word\n   word word word word word word\n2. two',
    );
  });
});

describe('UK dates and times', () => {
  it('writes dates the UK way', () => {
    expect(ukDate('2022-04-18')).toBe('18 April 2022');
    expect(ukDateWithDay('2022-04-18')).toBe('Monday 18 April 2022');
  });

  it('turns London wall-clock times into UTC across BST and GMT', () => {
    expect(londonToUtc('2022-04-05 09:00').toISOString()).toBe('2022-04-05T08:00:00.000Z');
    expect(londonToUtc('2022-01-05 09:00').toISOString()).toBe('2022-01-05T09:00:00.000Z');
    expect(londonToUtc('2022-03-27 03:00').toISOString()).toBe('2022-03-27T02:00:00.000Z'); // first hour of BST
    expect(londonToUtc('2022-10-30 00:30').toISOString()).toBe('2022-10-29T23:30:00.000Z'); // last night of BST
    expect(ukDateTime('2022-04-05 09:00')).toBe('5 April 2022 at 9am (BST)');
    expect(ukDateTime('2022-12-01 14:30')).toBe('1 December 2022 at 2:30pm (GMT)');
  });
});

// Names from the content are blanked before the plain-English checks read the text, however they
// are cased or broken across lines, and a registry's names that do not occur cost no pattern.
import { describe, expect, it } from 'vitest';
import { blankNames, namesIn } from '../../src/check/plain-english/names.js';

describe('blanking the content’s names', () => {
  it('blanks a name in any case and spacing, keeping every offset', () => {
    const prose = 'Read what HULL safeguarding\n  Children Partnership found, and what Hullbridge did.';
    const out = blankNames(prose, ['Hull Safeguarding Children Partnership', 'Hull', 'Leeds Safeguarding Children Partnership']);
    expect(out).toHaveLength(prose.length);
    expect(out).toBe(`Read what ${' '.repeat(4)} ${' '.repeat(12)}\n  ${' '.repeat(8)} ${' '.repeat(11)} found, and what Hullbridge did.`);
  });
});

describe('the names tried for a set of texts (namesIn)', () => {
  const NAMES = [
    'Hull Safeguarding Children Partnership',
    'Hull',
    "St Helens' Partnership",
    'Ōtautahi Review',
    '(Bracketed) Partnership',
    'Leeds',
    'Sigma ΟΔΟΣ',
    'İstanbul Link',
  ];
  it('leaves out only names that cannot be found, and blanking with what is left gives the same text', () => {
    let seed = 7;
    const pick = <T>(list: readonly T[]) => list[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % list.length]!;
    const noise = [
      'the review',
      'HULL',
      'hullbridge',
      'st helens’',
      'ōtautahi',
      'οδοσ',
      'i̇stanbul',
      '\n ',
      ', ',
      '(',
      ')',
      'partnership',
      'safeguarding children',
      'link',
      'sigma',
    ];
    for (let i = 0; i < 2_000; i++) {
      const texts = Array.from({ length: 3 }, () =>
        Array.from({ length: 6 }, () => (pick([0, 1, 2]) === 0 ? pick(NAMES).replace(/ /g, pick([' ', '\n  ', ' '])) : pick(noise))).join(
          ' ',
        ),
      );
      const kept = namesIn(texts, NAMES);
      for (const text of texts) expect(blankNames(text, kept), text).toBe(blankNames(text, NAMES));
    }
  });

  it('a name with a word that is not there is not tried', () => {
    expect(namesIn(['What Leeds found.'], NAMES)).toEqual(['Leeds']);
    expect(namesIn(['The (bracketed) partnership, and Hull.'], NAMES)).toEqual(['Hull', '(Bracketed) Partnership']);
  });
});

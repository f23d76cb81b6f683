// The bundle gives htmlnano a faster order for class names (scripts/bundle.mjs, LAZY): names of
// lowercase letters, digits and hyphens by code point, which must be exactly the order of ICU's root
// collation (localeCompare) that htmlnano itself uses, or the email would change.
import { describe, expect, it } from 'vitest';

const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('class names of [a-z0-9-] sort by code point as localeCompare sorts them', () => {
  it('every pair of names of up to two characters', () => {
    const names = [''];
    for (const a of CHARACTERS) {
      names.push(a);
      for (const b of CHARACTERS) names.push(a + b);
    }
    const differ = names.flatMap((a) => names.filter((b) => Math.sign(a.localeCompare(b)) !== byCodePoint(a, b)).map((b) => [a, b]));
    expect(differ).toEqual([]);
  });

  it('twenty thousand pairs of longer names, and MJML’s own', () => {
    let seed = 27;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const name = () =>
      Array.from({ length: Math.floor(random() * 16) }, () => CHARACTERS[Math.floor(random() * CHARACTERS.length)]).join('');
    const pairs = Array.from({ length: 20_000 }, () => [name(), name()] as const);
    expect(pairs.filter(([a, b]) => Math.sign(a.localeCompare(b)) !== byCodePoint(a, b))).toEqual([]);
    const mjml = ['mj-outlook-group-fix', 'mj-column-per-100', 'mj-column-per-50', 'mj-full-width-mobile', 'mj-column-px-600'];
    expect([...mjml].sort(byCodePoint)).toEqual([...mjml].sort((a, b) => a.localeCompare(b)));
  });
});

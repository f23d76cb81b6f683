// Machine-written strings sort by code point: the same on every machine, whatever ICU's collation says.
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../src/order.js';

describe('byCodePoint', () => {
  it('orders ISO times, ids and names by code point, not by a collation', () => {
    expect(['2022-05-01 09:00', '2022-04-05 09:00', '2022-04-05 08:30'].sort(byCodePoint)).toEqual([
      '2022-04-05 08:30',
      '2022-04-05 09:00',
      '2022-05-01 09:00',
    ]);
    // A collation puts "a" before "B" and ignores the hyphen's weight; code points do neither.
    expect(['b', 'a', 'B', 'a-b', 'ab'].sort(byCodePoint)).toEqual(['B', 'a', 'a-b', 'ab', 'b']);
    expect(['b', 'a', 'B'].sort((x, y) => x.localeCompare(y))).not.toEqual(['b', 'a', 'B'].sort(byCodePoint));
    expect(byCodePoint('x', 'x')).toBe(0);
  });
});

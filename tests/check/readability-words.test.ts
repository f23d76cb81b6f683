// retext-readability looks each word up in the Dale–Chall and Spache lists with Array#includes;
// answerFromSet (src/check/plain-english/readability.ts) makes those two arrays answer from a Set.
import { daleChall } from 'dale-chall';
import { spache } from 'spache';
import { describe, expect, it } from 'vitest';
import { answerFromSet, sentenceNotes } from '../../src/check/plain-english/readability.js';

describe('answerFromSet', () => {
  it('answers includes exactly as the array did, with and without a starting index', () => {
    const words = [...daleChall];
    const asArray = (word: string, from?: number) => Array.prototype.includes.call(words, word, from);
    answerFromSet(words);
    expect(Object.hasOwn(words, 'includes')).toBe(true);
    const tried = [...daleChall.slice(0, 400), ...spache.slice(0, 200), 'safeguarding', 'Able', 'able ', '', 'zebra', 'practitioners'];
    for (const word of tried) {
      expect(words.includes(word), word).toBe(asArray(word));
      for (const from of [0, 1, 1500, 2949, -3, 99_999])
        expect(words.includes(word, from), `${word} from ${from}`).toBe(asArray(word, from));
    }
    // The array is otherwise the same array: same words, same order, same length.
    expect([...words]).toEqual([...daleChall]);
  });

  it('is given to the very lists retext-readability reads, once the plain-English check has loaded it', async () => {
    await sentenceNotes('The Panel has published its annual report on serious incidents notified in the year.');
    expect(Object.hasOwn(daleChall, 'includes')).toBe(true);
    expect(Object.hasOwn(spache, 'includes')).toBe(true);
  });
});

// Each rule trips on its fixture and stays quiet on its near miss (tests/fixtures/privacy/rules.yaml).
import { describe, expect, it } from 'vitest';
import { isNhsNumber } from '../../../src/check/privacy/identifiers.js';
import { scanText } from '../../../src/check/privacy/scan.js';
import { fixtureAllowList, privacyFixture } from './helpers.js';

const { rules } = privacyFixture<{ rules: Record<string, { trips: string | null; near: string }> }>('rules.yaml');
const allow = await fixtureAllowList();
const kinds = async (text: string) => (await scanText(text, allow)).map((d) => d.kind);

describe('privacy rules', () => {
  it('has a fixture for every rule', () => {
    expect(Object.keys(rules).sort()).toEqual(
      [
        'address',
        'age-place',
        'child-date',
        'date-of-birth',
        'email',
        'jigsaw',
        'name',
        'nhs-number',
        'ni-number',
        'phone',
        'place-alone',
        'postcode',
        'school',
      ].sort(),
    );
  });

  it.each(Object.entries(rules).filter(([, r]) => r.trips))('%s trips on its fixture', async (kind, rule) => {
    expect(await kinds(rule.trips!)).toContain(kind);
  });

  it.each(Object.entries(rules))('%s stays quiet on its near miss', async (_, rule) => {
    expect(await kinds(rule.near)).toEqual([]);
  });

  it('checks NHS numbers by the mod-11 rule: 10 as a check digit is never valid', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isNhsNumber('1000000000')).toBe(false); // sum 10 → check digit 1
    for (const last of '0123456789') expect(isNhsNumber(`10000000${'1'}${last}`)).toBe(false); // sum 12 → 10: never valid
    expect(isNhsNumber('0000000000')).toBe(true); // 11 → 0
    expect(isNhsNumber('123456789')).toBe(false);
  });

  it('pins the span to the text found', async () => {
    const text = 'The family lived near LS9 7TF, with the child.';
    const [d] = await scanText(text, allow);
    expect(d).toMatchObject({ kind: 'postcode', start: 22, end: 29, text: 'LS9 7TF' });
    expect(text.slice(d!.start, d!.end)).toBe('LS9 7TF');
  });

  it('does not read numbers inside web addresses', async () => {
    expect(await kinds('See the [review](https://example.org/reviews/9434765919/LS9-7TF) about the child.')).toEqual([]);
  });

  it('compares names after normalising case, hyphens, honorifics and possessives', async () => {
    expect(await kinds("The child's social worker spoke to Dr RENUKA JEYARAJAH DENT's team and the mother.")).toEqual([]);
    expect(await kinds("Baby Thomas's mother met Professor Peter Sidebotham about the child.")).toEqual([]);
  });
});

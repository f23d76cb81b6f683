// Recall and precision of the privacy detectors on a labelled set of sentences written in the
// style of published review summaries (tests/fixtures/privacy/labelled.yaml). Prints the table.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/check/privacy/scan.js';
import { fixtureAllowList, privacyFixture } from './helpers.js';

const { sentences } = privacyFixture<{ sentences: { text: string; expect: string[] }[] }>('labelled.yaml');
const allow = await fixtureAllowList();
const results = await Promise.all(
  sentences.map(async (s) => ({ ...s, found: [...new Set((await scanText(s.text, allow)).map((d) => d.kind))] })),
);

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const score = (pick: (kind: string) => boolean): Score =>
  results.reduce(
    (acc, r) => {
      const want = r.expect.filter(pick);
      const got = r.found.filter(pick);
      return {
        tp: acc.tp + got.filter((k) => want.includes(k)).length,
        fp: acc.fp + got.filter((k) => !want.includes(k)).length,
        fn: acc.fn + want.filter((k) => !got.includes(k)).length,
      };
    },
    { tp: 0, fp: 0, fn: 0 },
  );
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const precision = (s: Score) => ratio(s.tp, s.tp + s.fp);
const recall = (s: Score) => ratio(s.tp, s.tp + s.fn);

const TIER1 = ['nhs-number', 'ni-number', 'postcode', 'phone', 'email', 'address', 'date-of-birth', 'child-date'];
const TIER2 = ['name', 'school', 'age-place'];
const rows: [string, Score][] = [
  ...[...TIER1, ...TIER2, 'jigsaw'].map((k): [string, Score] => [k, score((x) => x === k)]),
  ['tier 1', score((x) => TIER1.includes(x))],
  ['tier 2', score((x) => TIER2.includes(x))],
  ['all', score(() => true)],
];

describe(`privacy detectors on ${sentences.length} labelled sentences`, () => {
  it('prints the recall and precision table', () => {
    const line = (k: string, s: Score) =>
      `| ${k.padEnd(13)} | ${String(s.tp).padStart(2)} | ${String(s.fp).padStart(2)} | ${String(s.fn).padStart(2)} | ${precision(s).toFixed(2)} | ${recall(s).toFixed(2)} |`;
    const table = ['| rule          | TP | FP | FN | prec | recall |', '|---|---|---|---|---|---|', ...rows.map(([k, s]) => line(k, s))];
    const misses = results.filter((r) => r.found.sort().join() !== [...r.expect].sort().join());
    console.log([table.join('\n'), '', ...misses.map((r) => `  expected [${r.expect}] found [${r.found}]: ${r.text}`)].join('\n'));
    expect(sentences.length).toBeGreaterThanOrEqual(60);
  });

  it('tier 1 (errors) misses nothing in the set; precision ≥ 0.9 (an office landline is flagged: acknowledge it)', () => {
    const s = score((x) => TIER1.includes(x));
    expect(recall(s)).toBe(1);
    expect(precision(s)).toBeGreaterThanOrEqual(0.9);
  });

  it('the heuristic tiers keep recall ≥ 0.85 and precision ≥ 0.85', () => {
    for (const pick of [(x: string) => TIER2.includes(x), (x: string) => x === 'jigsaw']) {
      expect(recall(score(pick))).toBeGreaterThanOrEqual(0.85);
      expect(precision(score(pick))).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('sentences meant to be quiet stay quiet (at most two false alarms in the set)', () => {
    expect(results.filter((r) => r.expect.length === 0 && r.found.length > 0).map((r) => r.text).length).toBeLessThanOrEqual(2);
  });
});

// compromise costs about a quarter of a second to import: the check loads it only for text about
// a child or family, and never for the April 2022 issue.
import { describe, expect, it } from 'vitest';
import { privacyCheck } from '../../../src/check/privacy/index.js';
import { nlpLoaded } from '../../../src/check/privacy/names.js';
import { appendToBody, checkApril } from '../april.js';

describe('the name detector', () => {
  it('is not loaded for the April 2022 issue, and is loaded when a sentence is about a family', async () => {
    await checkApril({}, [privacyCheck]);
    expect(nlpLoaded()).toBe(false);
    const report = await checkApril(appendToBody(0, 'Child P lived with his mother and her partner, Jason.'), [privacyCheck]);
    expect(nlpLoaded()).toBe(true);
    expect(report.findings.map((f) => [f.code, f.span?.text])).toEqual([['privacy/name', 'Jason']]);
  });
});

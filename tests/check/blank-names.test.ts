// Names from the content are blanked before the plain-English checks read the text, however they
// are cased or broken across lines, and a registry's names that do not occur cost no pattern.
import { describe, expect, it } from 'vitest';
import { blankNames } from '../../src/check/plain-english/names.js';

describe('blanking the content’s names', () => {
  it('blanks a name in any case and spacing, keeping every offset', () => {
    const prose = 'Read what HULL safeguarding\n  Children Partnership found, and what Hullbridge did.';
    const out = blankNames(prose, ['Hull Safeguarding Children Partnership', 'Hull', 'Leeds Safeguarding Children Partnership']);
    expect(out).toHaveLength(prose.length);
    expect(out).toBe(`Read what ${' '.repeat(4)} ${' '.repeat(12)}\n  ${' '.repeat(8)} ${' '.repeat(11)} found, and what Hullbridge did.`);
  });
});

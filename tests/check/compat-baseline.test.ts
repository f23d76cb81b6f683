// MJML's own features, worked out once when lib/newsletter.cjs is built and carried in the bundle:
// used only while the key (MJML's version, the skeleton, the features) still matches, and only
// when well formed; otherwise the skeleton is compiled again, so a stale or damaged one changes nothing.
import { describe, expect, it } from 'vitest';
import { CANIEMAIL } from '../../src/check/compat/data.js';
import { baselineFrom, baselineKey, usableBaseline, workOutBaseline } from '../../src/check/compat/baseline.js';

const FEATURES = CANIEMAIL.features;

describe("MJML's baseline of compatibility features", () => {
  it('is worked out from the installed MJML: its media queries and Outlook markup, not dark mode', async () => {
    const { key, slugs } = await workOutBaseline(FEATURES);
    expect(key).toBe(baselineKey(FEATURES));
    expect(slugs).toContain('css-at-media');
    expect(slugs).not.toContain('css-at-media-prefers-color-scheme');
  });

  it('a stored baseline with the same key is used as it is, without compiling anything', async () => {
    const stored = { key: baselineKey(FEATURES), slugs: ['only-this-slug'] };
    expect([...(await baselineFrom(FEATURES, stored))]).toEqual(['only-this-slug']);
  });

  it('one worked out with another MJML version, or for other features, is not used', async () => {
    const fresh = new Set((await workOutBaseline(FEATURES)).slugs);
    expect(baselineKey(FEATURES, '4.15.3')).not.toBe(baselineKey(FEATURES));
    const otherMjml = { key: baselineKey(FEATURES, '4.15.3'), slugs: ['only-this-slug'] };
    expect(await baselineFrom(FEATURES, otherMjml)).toEqual(fresh);
    const otherFeatures = { key: baselineKey(FEATURES.slice(1)), slugs: ['only-this-slug'] };
    expect(await baselineFrom(FEATURES, otherFeatures)).toEqual(fresh);
  });

  it('a damaged one is ignored and the baseline is worked out again', async () => {
    const fresh = new Set((await workOutBaseline(FEATURES)).slugs);
    const key = baselineKey(FEATURES);
    for (const damaged of [undefined, null, '{"key":', 42, { key }, { key, slugs: 'css-at-media' }, { key, slugs: [1, 2] }]) {
      expect(usableBaseline(damaged, key)).toBeUndefined();
      expect(await baselineFrom(FEATURES, damaged)).toEqual(fresh);
    }
  });
});

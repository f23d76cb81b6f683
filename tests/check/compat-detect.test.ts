// The compat check finds each caniemail feature at its first use. Features found on elements are
// looked up by the element or attribute they name; this holds that nothing is missed that way.
import { describe, expect, it } from 'vitest';
import { featuresUsed } from '../../src/check/compat/detect.js';
import { CANIEMAIL, type Feature } from '../../src/check/compat/data.js';
import { parseEmail } from '../../src/check/email-dom.js';

/** An element that uses the feature, made from its match. */
function elementUsing(f: Feature): string | undefined {
  const m = f.match;
  switch (m.kind) {
    case 'element':
      return `<${m.names.at(-1)}></${m.names.at(-1)}>`;
    case 'attribute':
      return `<span ${m.names.at(-1)}="x"></span>`;
    case 'element-attribute':
      return m.value === undefined ? `<${m.element} ${m.attribute}="x"></${m.element}>` : undefined;
    case 'image':
      return `<img src="a.${m.extensions.at(-1)}?v=1">`;
    case 'image-data-uri':
      return '<img src="data:image/png;base64,AA==">';
    default:
      return undefined;
  }
}

describe('features used on elements', () => {
  it('every element, attribute and image feature is found at its first use, and only there', () => {
    const made = CANIEMAIL.features.map((f) => ({ f, html: elementUsing(f) })).filter((x): x is { f: Feature; html: string } => !!x.html);
    expect(made.length).toBeGreaterThan(20);
    for (const { f, html } of made) {
      const email = `<!doctype html><html><body><p>before</p>${html}<div>between</div>${html}</body></html>`;
      const used = featuresUsed(parseEmail(email), CANIEMAIL.features);
      const found = used.find((u) => u.feature.slug === f.slug);
      expect(found, `${f.slug} in ${html}`).toBeDefined();
      expect(found!.position, f.slug).toBe(email.indexOf(html));
    }
  });

  it('an element-attribute feature with a value matches only that value', () => {
    const withValue = CANIEMAIL.features.find((f) => f.match.kind === 'element-attribute' && f.match.value !== undefined);
    if (!withValue || withValue.match.kind !== 'element-attribute') return expect.fail('the data has such a feature');
    const { element, attribute } = withValue.match;
    const other = `<${element} ${attribute}="surely-not-a-match"></${element}>`;
    expect(featuresUsed(parseEmail(other), [withValue])).toEqual([]);
  });

  it('a plain email finds only the features of its own elements', () => {
    const used = featuresUsed(parseEmail('<html><body><p>Hello</p></body></html>'), CANIEMAIL.features);
    for (const { feature } of used)
      expect(feature.match.kind === 'element' && feature.match.names.some((n) => ['html', 'body', 'p'].includes(n)), feature.slug).toBe(
        true,
      );
  });
});

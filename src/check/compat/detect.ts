// Find the caniemail features an email uses, each with the position of its first use, by walking
// the elements, their attributes and inline styles, and the CSS of <style> blocks.
import type { Element } from 'domhandler';
import postcss, { type Root } from 'postcss';
import type { EmailDom } from '../email-dom.js';
import type { Feature, FeatureMatch } from './data.js';

export interface FeatureUse {
  feature: Feature;
  /** Where in the email HTML it is used first. */
  position: number;
}

interface Css {
  properties: Set<string>;
  declarations: { property: string; value: string; important: boolean }[];
  /** The declarations' values in lower case, in the same order. */
  values: string[];
  atRules: { name: string; params: string }[];
  selectors: string[];
}

export function featuresUsed(email: EmailDom, features: readonly Feature[]): FeatureUse[] {
  const first = new Map<string, FeatureUse>();
  // MJML repeats the same few inline styles hundreds of times: each different one is parsed, and
  // its features found, once.
  const inCssOf = new Map<string, Set<Feature>>();
  const cssFeatures = (text: string) => {
    const css = parseCss(text);
    return new Set(features.filter((feature) => inCss(feature.match, css)));
  };
  const none = new Set<Feature>();
  const { byElement, byAttribute } = elementIndex(features);
  const note = (feature: Feature, at: number) => {
    const seen = first.get(feature.slug);
    if (!seen || seen.position > at) first.set(feature.slug, { feature, position: at });
  };
  for (const el of email.elements) {
    const at = el.startIndex ?? 0;
    const text = el.attribs.style ? el.attribs.style : el.name === 'style' ? email.text(el) : undefined;
    const inStyle = text === undefined ? none : (inCssOf.get(text) ?? inCssOf.set(text, cssFeatures(text)).get(text)!);
    for (const feature of inStyle) note(feature, at);
    // Only the features that name this element or one of its attributes can match it.
    for (const feature of byElement.get(el.name) ?? []) if (inElement(feature.match, el)) note(feature, at);
    for (const name of Object.keys(el.attribs)) for (const feature of byAttribute.get(name) ?? []) note(feature, at);
  }
  return [...first.values()].sort((a, b) => a.position - b.position);
}

/** The features found on elements, by the element name or attribute name they need (inElement's cases). */
function elementIndex(features: readonly Feature[]): { byElement: Map<string, Feature[]>; byAttribute: Map<string, Feature[]> } {
  const byElement = new Map<string, Feature[]>();
  const byAttribute = new Map<string, Feature[]>();
  const add = (index: Map<string, Feature[]>, name: string, feature: Feature) => {
    const list = index.get(name) ?? index.set(name, []).get(name)!;
    if (!list.includes(feature)) list.push(feature);
  };
  for (const feature of features) {
    const m = feature.match;
    if (m.kind === 'element') for (const name of m.names) add(byElement, name, feature);
    else if (m.kind === 'element-attribute') add(byElement, m.element, feature);
    else if (m.kind === 'image' || m.kind === 'image-data-uri') add(byElement, 'img', feature);
    else if (m.kind === 'attribute') for (const name of m.names) add(byAttribute, name, feature);
  }
  return { byElement, byAttribute };
}

function inElement(m: FeatureMatch, el: Element): boolean {
  switch (m.kind) {
    case 'element':
      return m.names.includes(el.name);
    case 'attribute':
      return m.names.some((n) => n in el.attribs);
    case 'element-attribute':
      return (
        el.name === m.element &&
        m.attribute in el.attribs &&
        (m.value === undefined || patterns(m, () => [new RegExp(m.value!, 'i')])[0]!.test(el.attribs[m.attribute]!))
      );
    case 'image':
      return el.name === 'img' && m.extensions.includes(/\.([a-z0-9]+)(?:[?#].*)?$/i.exec(el.attribs.src ?? '')?.[1]?.toLowerCase() ?? '');
    case 'image-data-uri':
      return el.name === 'img' && /^data:image\//i.test(el.attribs.src ?? '');
    default:
      return false;
  }
}

function inCss(m: FeatureMatch, css: Css): boolean {
  switch (m.kind) {
    case 'property':
      return m.names.some((n) => css.properties.has(n));
    case 'declaration':
      return css.declarations.some((d) => d.property === m.property && d.value.toLowerCase().trim() === m.value);
    case 'value':
      return someMatch(
        css.values,
        patterns(m, () => m.keywords.map((k) => new RegExp(`(^|[\\s,(])${k}($|[\\s,)])`))),
      );
    case 'function':
      return someMatch(
        [...css.values, ...css.atRules.map((a) => a.params)],
        patterns(m, () => m.names.map((n) => new RegExp(`(^|[^\\w-])${n}\\(`))),
      );
    case 'unit':
      return someMatch(
        css.values.map((v) => v.replace(/#[0-9a-f]+|url\([^)]*\)/g, '')),
        patterns(m, () => [new RegExp(`\\d${m.unit === '%' ? '%' : `${m.unit}\\b`}`)]),
      );
    case 'at-rule':
      return css.atRules.some((a) => a.name === m.name);
    case 'media-feature':
      return someMatch(
        css.atRules.filter((a) => a.name === 'media').map((a) => a.params),
        patterns(m, () => m.names.map((n) => new RegExp(`\\(\\s*(min-|max-)?${n}\\s*[:)]`))),
      );
    case 'pseudo':
      return someMatch(
        css.selectors,
        patterns(m, () => m.names.map((n) => new RegExp(`${n.startsWith('::') ? '' : '(^|[^:])'}${n}(?![\\w-])`))),
      );
    case 'important':
      return css.declarations.some((d) => d.important);
    default:
      return false;
  }
}

const compiled = new WeakMap<FeatureMatch, RegExp[]>();
/** A feature's patterns are tried on every element: built once per feature (none is global, so none keeps state). */
function patterns(m: FeatureMatch, build: () => RegExp[]): RegExp[] {
  return compiled.get(m) ?? compiled.set(m, build()).get(m)!;
}

const someMatch = (texts: string[], regexes: RegExp[]) => texts.some((t) => regexes.some((r) => r.test(t)));

/** A style attribute or a style sheet; CSS that does not parse is read as far as it goes. */
function parseCss(text: string): Css {
  const css: Css = { properties: new Set(), declarations: [], values: [], atRules: [], selectors: [] };
  let root: Root;
  try {
    root = postcss.parse(text);
  } catch {
    return css;
  }
  root.walkDecls((d) => {
    const property = d.prop.toLowerCase();
    css.properties.add(property);
    css.declarations.push({ property, value: d.value, important: d.important === true });
    css.values.push(d.value.toLowerCase());
  });
  root.walkAtRules((a) => void css.atRules.push({ name: a.name.toLowerCase(), params: a.params.toLowerCase() }));
  root.walkRules((r) => void css.selectors.push(r.selector));
  return css;
}

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
  atRules: { name: string; params: string }[];
  selectors: string[];
}

export function featuresUsed(email: EmailDom, features: readonly Feature[]): FeatureUse[] {
  const first = new Map<string, FeatureUse>();
  const use = (feature: Feature, position: number) => {
    const seen = first.get(feature.slug);
    if (!seen || position < seen.position) first.set(feature.slug, { feature, position });
  };
  for (const el of email.elements) {
    const at = el.startIndex ?? 0;
    const css = el.attribs.style ? parseCss(el.attribs.style) : el.name === 'style' ? parseCss(email.text(el)) : undefined;
    for (const feature of features) if (inElement(feature.match, el) || (css && inCss(feature.match, css))) use(feature, at);
  }
  return [...first.values()].sort((a, b) => a.position - b.position);
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
        (m.value === undefined || new RegExp(m.value, 'i').test(el.attribs[m.attribute]!))
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
  const values = () => css.declarations.map((d) => d.value.toLowerCase());
  switch (m.kind) {
    case 'property':
      return m.names.some((n) => css.properties.has(n));
    case 'declaration':
      return css.declarations.some((d) => d.property === m.property && d.value.toLowerCase().trim() === m.value);
    case 'value':
      return values().some((v) => m.keywords.some((k) => new RegExp(`(^|[\\s,(])${k}($|[\\s,)])`).test(v)));
    case 'function':
      return [...values(), ...css.atRules.map((a) => a.params)].some((v) => m.names.some((n) => new RegExp(`(^|[^\\w-])${n}\\(`).test(v)));
    case 'unit':
      return values().some((v) =>
        new RegExp(`\\d${m.unit === '%' ? '%' : `${m.unit}\\b`}`).test(v.replace(/#[0-9a-f]+|url\([^)]*\)/g, '')),
      );
    case 'at-rule':
      return css.atRules.some((a) => a.name === m.name);
    case 'media-feature':
      return css.atRules.some(
        (a) => a.name === 'media' && m.names.some((n) => new RegExp(`\\(\\s*(min-|max-)?${n}\\s*[:)]`).test(a.params)),
      );
    case 'pseudo':
      return css.selectors.some((s) => m.names.some((n) => new RegExp(`${n.startsWith('::') ? '' : '(^|[^:])'}${n}(?![\\w-])`).test(s)));
    case 'important':
      return css.declarations.some((d) => d.important);
    default:
      return false;
  }
}

/** A style attribute or a style sheet; CSS that does not parse is read as far as it goes. */
function parseCss(text: string): Css {
  const css: Css = { properties: new Set(), declarations: [], atRules: [], selectors: [] };
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
  });
  root.walkAtRules((a) => void css.atRules.push({ name: a.name.toLowerCase(), params: a.params.toLowerCase() }));
  root.walkRules((r) => void css.selectors.push(r.selector));
  return css;
}

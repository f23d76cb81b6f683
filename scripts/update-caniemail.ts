// Regenerate src/check/compat/caniemail.json from the `caniemail` npm package's data, so the
// compatibility check works offline with pinned data.
//   node --import tsx scripts/update-caniemail.ts [version]
// The package itself wants Node 22, so it is only unpacked (npm pack), never installed or run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CompatData, Feature, FeatureMatch, Support } from '../src/check/compat/data.js';

const OUT = path.resolve(import.meta.dirname, '../src/check/compat/caniemail.json');

/** The clients the Panel's readers use (PRODUCT.md), as caniemail's family.platform. */
const CLIENTS = [
  { key: 'outlook.windows', name: 'Outlook (Windows desktop)' },
  { key: 'outlook.outlook-com', name: 'Outlook.com' },
  { key: 'gmail.desktop-webmail', name: 'Gmail (web)' },
  { key: 'gmail.ios', name: 'Gmail (iOS)' },
  { key: 'gmail.android', name: 'Gmail (Android)' },
  { key: 'apple-mail.macos', name: 'Apple Mail (macOS)' },
  { key: 'apple-mail.ios', name: 'Apple Mail (iOS)' },
];

/** Titles that do not say their own match. Features with no match (selectors, comments, the doctype, AMP, BIMI) are left out. */
const BY_SLUG: Record<string, FeatureMatch> = {
  'html-lists': { kind: 'element', names: ['ul', 'ol', 'dl'] },
  'html-semantics': {
    kind: 'element',
    names: ['article', 'aside', 'details', 'figcaption', 'figure', 'footer', 'header', 'main', 'mark', 'nav', 'section', 'summary', 'time'],
  },
  'html-h1-h6': { kind: 'element', names: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] },
  'html-address': { kind: 'element', names: ['address'] },
  'html-base': { kind: 'element', names: ['base'] },
  'html-image-maps': { kind: 'element', names: ['map'] },
  'html-svg': { kind: 'element', names: ['svg'] },
  'html-srcset': { kind: 'attribute', names: ['srcset', 'sizes'] },
  'html-anchor-links': { kind: 'element-attribute', element: 'a', attribute: 'href', value: '^#' },
  'html-mailto-links': { kind: 'element-attribute', element: 'a', attribute: 'href', value: '^mailto:' },
  'html-meta-color-scheme': { kind: 'element-attribute', element: 'meta', attribute: 'name', value: '^color-scheme$' },
  'css-inert-attribute': { kind: 'attribute', names: ['inert'] },
  'css-variables': { kind: 'function', names: ['var'] },
  'css-unit-calc': { kind: 'function', names: ['calc'] },
  'css-modern-color': { kind: 'function', names: ['lch', 'oklch', 'lab', 'oklab'] },
  'css-pseudo-class-lang': { kind: 'pseudo', names: [':lang'] },
  'css-important': { kind: 'important' },
  'css-unit-initial': { kind: 'value', keywords: ['initial'] },
  'css-intrinsic-size': { kind: 'value', keywords: ['fit-content', 'min-content', 'max-content'] },
  'css-sytem-ui': { kind: 'value', keywords: ['system-ui', 'ui-serif', 'ui-sans-serif', 'ui-rounded', 'ui-monospace'] },
  'css-font': { kind: 'property', names: ['font'] },
  'css-color-scheme': { kind: 'property', names: ['color-scheme'] },
  'css-left-right-top-bottom': { kind: 'property', names: ['left', 'right', 'top', 'bottom'] },
  'css-gap': { kind: 'property', names: ['gap', 'column-gap', 'row-gap'] },
  'css-scroll-snap': { kind: 'property', names: ['scroll-snap-type', 'scroll-snap-align', 'scroll-snap-stop'] },
  'css-grid-template': { kind: 'property', names: ['grid-template', 'grid-template-areas', 'grid-template-columns', 'grid-template-rows'] },
  'css-block-inline-size': { kind: 'property', names: ['block-size', 'inline-size'] },
  'css-border-inline-block': { kind: 'property', names: ['border-inline', 'border-block'] },
  'css-border-inline-block-individual': {
    kind: 'property',
    names: ['border-block-end', 'border-block-start', 'border-inline-end', 'border-inline-start'],
  },
  'css-border-inline-block-longhand': {
    kind: 'property',
    names: [
      'border-block-color',
      'border-block-style',
      'border-block-width',
      'border-inline-color',
      'border-inline-style',
      'border-inline-width',
    ],
  },
  'css-border-radius-logical': {
    kind: 'property',
    names: ['border-end-end-radius', 'border-end-start-radius', 'border-start-end-radius', 'border-start-start-radius'],
  },
  'css-column-layout-properties': {
    kind: 'property',
    names: ['column-count', 'column-fill', 'column-gap', 'column-rule', 'column-span', 'column-width', 'columns'],
  },
  'css-margin-block-start-end': { kind: 'property', names: ['margin-block-start', 'margin-block-end'] },
  'css-margin-inline-block': { kind: 'property', names: ['margin-inline', 'margin-block'] },
  'css-margin-inline-start-end': { kind: 'property', names: ['margin-inline-start', 'margin-inline-end'] },
  'css-padding-block-start-end': { kind: 'property', names: ['padding-block-start', 'padding-block-end'] },
  'css-padding-inline-block': { kind: 'property', names: ['padding-inline', 'padding-block'] },
  'css-padding-inline-start-end': { kind: 'property', names: ['padding-inline-start', 'padding-inline-end'] },
  'image-jpg': { kind: 'image', extensions: ['jpg', 'jpeg'] },
  'image-tiff': { kind: 'image', extensions: ['tif', 'tiff'] },
  'image-heif': { kind: 'image', extensions: ['heif', 'heic'] },
  'image-base64': { kind: 'image-data-uri' },
  'image-mp4': { kind: 'image', extensions: ['mp4'] },
};
const SKIP = /^(css-selector-|css-comments|css-nesting|html-comments|html-doctype|html-body|image-apng|image-hdr|amp$|bimi$)/;

interface Raw {
  slug: string;
  title: string;
  url: string;
  category: string;
  stats: Record<string, Record<string, Record<string, string>>>;
}

export function matchFor(f: Raw): FeatureMatch | undefined {
  if (BY_SLUG[f.slug]) return BY_SLUG[f.slug];
  if (SKIP.test(f.slug)) return undefined;
  const t = f.title.trim();
  let m: RegExpExecArray | null;
  if (f.category === 'image') return { kind: 'image', extensions: [f.slug.replace(/^image-/, '')] };
  if (f.category === 'html') {
    if ((m = /^<(\w+) (\w+)="(\w+)"> element$/.exec(t)))
      return { kind: 'element-attribute', element: m[1]!, attribute: m[2]!, value: `^${m[3]}$` };
    if ((m = /^<(\w+)> element$/.exec(t))) return { kind: 'element', names: [m[1]!] };
    if ((m = /^([\w-]+) attribute$/.exec(t))) return { kind: 'attribute', names: [m[1]!] };
    if ((m = /^<(\w+)>$/.exec(t))) return { kind: 'element', names: [m[1]!] };
    return undefined;
  }
  if ((m = /^@media \((.+)\)$/.exec(t))) return { kind: 'media-feature', names: t.match(/\(([-\w]+)\)/g)!.map((x) => x.slice(1, -1)) };
  if ((m = /^@([\w-]+)$/.exec(t))) return { kind: 'at-rule', name: m[1]! };
  if (t.startsWith(':')) return { kind: 'pseudo', names: [t.replace(/\(\)$/, '')] };
  if ((m = /^([a-z-]+):\s*([a-z-]+)$/.exec(t))) return { kind: 'declaration', property: m[1]!, value: m[2]! };
  if ((m = /^(%|[a-z]+) unit$/.exec(t))) return { kind: 'unit', unit: m[1]! };
  if (t.includes('()')) return { kind: 'function', names: [...t.matchAll(/([a-z-]+)\(\)/g)].map((x) => x[1]!) };
  if ((m = /^([a-z-]+)(?: property)?$/.exec(t))) return { kind: 'property', names: [m[1]!] };
  return undefined;
}

/** The verdict for the newest version caniemail tested in a client: "a #1" → "a". */
function latest(f: Raw, key: string): Support {
  const [family, platform] = key.split('.') as [string, string];
  const versions = f.stats[family]?.[platform];
  if (!versions) return 'u';
  const verdict = Object.values(versions).at(-1)?.trim()[0];
  return verdict === 'y' || verdict === 'a' || verdict === 'n' ? verdict : 'u';
}

function main(): void {
  const version = process.argv[2] ?? execFileSync('npm', ['view', 'caniemail', 'version'], { encoding: 'utf8' }).trim();
  const dir = mkdtempSync(path.join(tmpdir(), 'caniemail-'));
  try {
    const tgz = execFileSync('npm', ['pack', `caniemail@${version}`, '--pack-destination', dir, '--silent'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    execFileSync('tar', ['xzf', path.join(dir, tgz), '-C', dir]);
    const raw = JSON.parse(readFileSync(path.join(dir, 'package/data/caniemail.json'), 'utf8')) as {
      last_update_date: string;
      data: Raw[];
    };
    const features: Feature[] = [];
    const left: string[] = [];
    for (const f of raw.data) {
      const match = matchFor(f);
      if (!match) {
        left.push(f.slug);
        continue;
      }
      const support = Object.fromEntries(CLIENTS.map((c) => [c.key, latest(f, c.key)]));
      // Only a feature some target client lacks can ever be reported.
      if (Object.values(support).includes('n')) features.push({ slug: f.slug, title: f.title.trim(), url: f.url, match, support });
    }
    const out: CompatData = { source: { package: 'caniemail', version, updated: raw.last_update_date }, clients: CLIENTS, features };
    // One feature a line: a data update reads as a diff of the features that changed.
    const lines = features.map((f) => `  ${JSON.stringify(f)}`).join(',\n');
    writeFileSync(
      OUT,
      `{\n "source": ${JSON.stringify(out.source)},\n "clients": ${JSON.stringify(out.clients)},\n "features": [\n${lines}\n ]\n}\n`,
    );
    console.log(
      `caniemail ${version} (data of ${raw.last_update_date}): ${features.length} features kept in ${path.relative(process.cwd(), OUT)}`,
    );
    console.log(`not detectable in an email, left out: ${left.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();

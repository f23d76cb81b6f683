// `npm run bundle` (part of build:ts and prepare): lib/newsletter.cjs, the compiled CLI and its
// dependencies in one CommonJS file, which bin/newsletter.cjs runs with V8's code cache. One file
// instead of ~1,500 spares Node resolving and reading each; see DECISIONS.md.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { build } from 'esbuild';
import { compiledAtOnce } from './compiled-at-once.mjs';

// Modules that load, as they start, what they need only for work a check never asks of them: in the
// bundle each is required when first used instead, which does the same thing later. A cold check
// spends about a third less time starting up (see DECISIONS.md, "Start-up of a cold check"). The
// same exact-text rewrite serves two more, each said where it stands (htmlnano's sort, zod's
// languages); a dependency whose text has changed fails the build.
const LAZY = [
  {
    // cssnano's default preset (caniuse-lite, svgo, some forty PostCSS plugins), though MJML minifies with the lite one.
    file: /[\\/]cssnano[\\/]src[\\/]index\.js$/,
    eager: "const defaultPreset = require('cssnano-preset-default');",
    lazy: "const defaultPreset = (...args) => require('cssnano-preset-default')(...args);",
  },
  {
    // MJML's beautifier (js-beautify), which runs only with its `beautify` option; ours is off (src/render/mjml.ts).
    file: /[\\/]mjml-core[\\/]lib[\\/]helpers[\\/]formatHtml\.js$/,
    eager: "const {\n  html: beautify\n} = require('js-beautify');",
    lazy: "const beautify = (...args) => require('js-beautify').html(...args);",
  },
  {
    // htmlnano sorts class names with localeCompare, whose first use loads ICU's collator (about 4 ms,
    // the only use of ICU a check has left). Names of lowercase letters, digits and hyphens, as ours
    // are, sort in ICU's root collation exactly as by code point (each character has a primary weight
    // of its own, in that order; tests/render/class-order.test.ts compares the two); any other name is
    // still given to localeCompare.
    file: /[\\/]htmlnano[\\/]dist[\\/]_modules[\\/]sortAttributesWithLists\.js$/,
    eager: "return typeof a.localeCompare === 'function' ? a.localeCompare(b) : a - b;",
    lazy: "return typeof a.localeCompare === 'function' ? (/^[a-z0-9-]*$/.test(a) && /^[a-z0-9-]*$/.test(b) ? (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b)) : a - b;",
  },
  {
    // htmlnano's search for a configuration file, which MJML's options turn off (src/render/mjml.ts).
    file: /[\\/]htmlnano[\\/]dist[\\/]index\.js$/,
    eager: "var cosmiconfig = require('cosmiconfig');",
    lazy: "var cosmiconfig = { cosmiconfigSync: (...args) => require('cosmiconfig').cosmiconfigSync(...args) };",
  },
  {
    // juice's fetching of remote style sheets and images (juiceResources), which MJML never asks for.
    file: /[\\/]juice[\\/]index\.js$/,
    eager: "var inline = require('web-resource-inliner');",
    lazy: "var inline = { html: (...args) => require('web-resource-inliner').html(...args) };",
  },
  {
    // htmlparser2 7 (posthtml-parser's, for htmlnano) exports its feed reader and all of domutils,
    // which bring dom-serializer and entities 2 with their encoding tables built as they load.
    // posthtml-parser uses its Parser alone: the rest is required when first asked for.
    file: /[\\/]posthtml-parser[\\/]node_modules[\\/]htmlparser2[\\/]lib[\\/]index\.js$/,
    eager:
      '__exportStar(require("./FeedHandler"), exports);\nexports.DomUtils = __importStar(require("domutils"));\nvar FeedHandler_1 = require("./FeedHandler");\nObject.defineProperty(exports, "RssHandler", { enumerable: true, get: function () { return FeedHandler_1.FeedHandler; } });',
    lazy: [
      'for (const name of ["FeedHandler", "getFeed", "parseFeed"]) Object.defineProperty(exports, name, { enumerable: true, get: () => require("./FeedHandler")[name] });',
      'Object.defineProperty(exports, "DomUtils", { enumerable: true, get: () => __importStar(require("domutils")) });',
      'Object.defineProperty(exports, "RssHandler", { enumerable: true, get: () => require("./FeedHandler").FeedHandler });',
    ].join('\n'),
  },
  {
    // zod's messages in some fifty languages, each loaded as zod loads; ours are English (and our
    // own, src/content/errors.ts): `z.locales` keeps English only.
    file: /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/,
    eager: 'export * as locales from "../locales/index.js";',
    lazy: 'import __englishMessages from "../locales/en.js";\nexport const locales = { en: __englishMessages };',
  },
];

// What cheerio loads for work MJML and juice never ask of it (they parse as XML, with htmlparser2,
// and hand it strings): its HTTP client (undici) and byte decoding (encoding-sniffer, iconv-lite,
// whatwg-encoding), for fromURL, loadBuffer and decodeStream; parse5, for HTML parsed as a browser
// would. 1.7 MB a cold start would compile: left out of the bundle, and required from the cheerio
// that asks (juice carries a cheerio and an undici of its own) if it ever does.
const CHEERIO_OUTSIDE = {
  'index.js': {
    'const encoding_sniffer_1 = require("encoding-sniffer");': 'encoding_sniffer_1 = outside("encoding-sniffer")',
    'const undici = __importStar(require("undici"));': 'undici = outside("undici")',
    'const parse5_htmlparser2_tree_adapter_1 = require("parse5-htmlparser2-tree-adapter");':
      'parse5_htmlparser2_tree_adapter_1 = outside("parse5-htmlparser2-tree-adapter")',
    'const parse5_parser_stream_1 = require("parse5-parser-stream");': 'parse5_parser_stream_1 = outside("parse5-parser-stream")',
  },
  'load-parse.js': {
    'const parse5_adapter_js_1 = require("./parsers/parse5-adapter.js");': 'parse5_adapter_js_1 = outside("./parsers/parse5-adapter.js")',
  },
};
function cheerioWithoutClient(file, source) {
  const own = createRequire(file);
  let out = source;
  for (const [eager, lazy] of Object.entries(CHEERIO_OUTSIDE[path.basename(file)])) {
    // A new version that loads differently fails the build here, rather than the bundle at run time.
    if (!out.includes(eager)) throw new Error(`${file} no longer contains ${eager}: update CHEERIO_OUTSIDE in scripts/bundle.mjs`);
    own.resolve(eager.match(/require\("([^"]+)"\)/)[1]);
    out = out.replace(eager, `const ${lazy};`);
  }
  const fromLib = path.relative('lib', file).split(path.sep).join('/');
  const outside = `const outside = (id) => new Proxy({}, { get: (_, name) => require("node:module").createRequire(require("node:path").join(__dirname, ${JSON.stringify(fromLib)}))(id)[name] });\n`;
  return outside + out;
}

const lazyRequires = {
  name: 'lazy-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/]cheerio[\\/]dist[\\/]commonjs[\\/](index|load-parse)\.js$/ }, ({ path: file }) => ({
      contents: cheerioWithoutClient(file, readFileSync(file, 'utf8')),
      loader: 'js',
    }));
    // Only the files LAZY names are read here: the filter is made of their patterns.
    b.onLoad({ filter: new RegExp(LAZY.map((c) => c.file.source).join('|')) }, ({ path: file }) => {
      const change = LAZY.find((c) => c.file.test(file));
      if (!change) return undefined;
      const source = readFileSync(file, 'utf8');
      // A new version that loads differently fails the build here, rather than the bundle at run time.
      if (!source.includes(change.eager)) throw new Error(`${file} no longer contains ${change.eager}: update LAZY in scripts/bundle.mjs`);
      return { contents: source.replace(change.eager, change.lazy), loader: 'js' };
    });
  },
};

// MJML's modules take all of lodash (its three hundred functions built as it loads), and three of
// them all of lodash/fp (which converts every one of them as it loads: a tenth of a warm check's
// start-up), for one to ten functions each. lodash has a module per function, and so has lodash/fp:
// each MJML module gets those it uses. A module that uses either in any other way fails the build.
const LODASH = [
  { require: 'var _lodash = require("lodash");', name: '_lodash', from: 'lodash' },
  { require: 'var _fp = require("lodash/fp");', name: '_fp', from: 'lodash/fp' },
];
function lodashPerFunction(file, source) {
  let out = source;
  for (const { require, name, from } of LODASH) {
    if (!out.includes(require)) continue;
    const rest = out.replace(require, '');
    const uses = new RegExp(`\\b${name}\\.([A-Za-z]+)\\b`, 'g');
    const functions = [...new Set([...rest.matchAll(uses)].map((m) => m[1]))];
    if (rest.replace(uses, '').match(new RegExp(`\\b${name}\\b`)))
      throw new Error(`${file} uses ${from} other than as ${name}.<function>: update LODASH in scripts/bundle.mjs`);
    out = out.replace(require, `var ${name} = { ${functions.map((f) => `${f}: require("${from}/${f}")`).join(', ')} };`);
  }
  return out === source ? undefined : { contents: out, loader: 'js' };
}
const lodashFunctions = {
  name: 'lodash-functions',
  setup(b) {
    b.onLoad({ filter: /[\\/]mjml-[a-z-]+[\\/]lib[\\/].*\.js$/ }, ({ path: file }) => lodashPerFunction(file, readFileSync(file, 'utf8')));
  },
};

// JSON files (caniemail's 70 KB of features, the local authorities, entity tables) as JSON.parse of
// a string: V8 reads a JSON string several times faster than it compiles and runs the same data
// written as an object literal, which is how esbuild writes a .json file otherwise.
const jsonParsed = {
  name: 'json-parsed',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, ({ path: file }) => {
      const text = readFileSync(file, 'utf8');
      JSON.parse(text); // a damaged file fails the build here
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

// One copy of each package in the bundle, where npm installed two of the same code:
// - the same name and version at two places (juice's htmlparser2 9.1.0 and mjml-parser-xml's; juice's
//   entities 7.0.1 and htmlparser2's): bundled once, from the first of its places in path order;
// - a package with a CommonJS and an ES module build (entities, htmlparser2, the dom* family,
//   Handlebars), imported by our code and required by cheerio and MJML: bundled as CommonJS only,
//   however it is reached.
// Each copy would otherwise be compiled and started at every check: entities alone built its
// decoding tables eight times. Packages of different versions stay apart.
const BOTH_BUILDS = new Set(['entities', 'htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'handlebars']);
function installedCopies(dir = 'node_modules', found = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = entry.name.startsWith('@') ? readdirSync(path.join(dir, entry.name)).map((n) => `${entry.name}/${n}`) : [entry.name];
    for (const name of names) {
      const root = path.join(dir, name);
      const manifest = path.join(root, 'package.json');
      if (!existsSync(manifest)) continue;
      const key = `${name}@${JSON.parse(readFileSync(manifest, 'utf8')).version}`;
      found.set(key, [...(found.get(key) ?? []), path.resolve(root)].sort());
      if (existsSync(path.join(root, 'node_modules'))) installedCopies(path.join(root, 'node_modules'), found);
    }
  }
  return found;
}
const oneCopy = {
  name: 'one-copy',
  setup(b) {
    const copies = installedCopies();
    const canonical = new Map(); // a package's folder → the folder of the copy bundled instead
    for (const roots of copies.values()) for (const root of roots) canonical.set(root, roots[0]);
    b.onResolve({ filter: /^[@a-z]/ }, async (args) => {
      if (args.path.startsWith('node:') || args.pluginData?.oneCopy) return undefined;
      const name = args.path
        .split('/')
        .slice(0, args.path.startsWith('@') ? 2 : 1)
        .join('/');
      const kind = BOTH_BUILDS.has(name) && args.kind !== 'require-call' ? 'require-call' : args.kind;
      const found = await b.resolve(args.path, {
        kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { oneCopy: true },
      });
      if (found.errors.length || found.external || !found.path.includes(`${path.sep}node_modules${path.sep}`))
        return found.errors.length ? { errors: found.errors } : found;
      const at = found.path.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules/'.length;
      const rest = found.path.slice(at).split(path.sep);
      const root = found.path.slice(0, at) + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join(path.sep);
      const chosen = canonical.get(root) ?? root;
      return { ...found, path: chosen + found.path.slice(root.length) };
    });
  },
};

// The features MJML's own output uses, worked out now with the MJML being bundled, so a check need
// not compile a skeleton email at every start (src/check/compat/baseline.ts checks the key first).
const { workOutBaseline } = await import('../lib/check/compat/baseline.js');
const { CANIEMAIL } = await import('../lib/check/compat/data.js');
const baseline = await workOutBaseline(CANIEMAIL.features);

// The browser's own code and style (src/**/browser/, read by src/page/assets.ts): tsc compiles
// TypeScript only, so they are copied to the same place under lib/, where lib/ and the bundle read them.
for (const dir of readdirSync('src', { recursive: true }).filter((d) => /(^|[\\/])browser$/.test(d)))
  cpSync(`src/${dir}`, `lib/${dir}`, { recursive: true });

// Packages only some issues' checks need, each a bundle of its own in lib/side/ that bin/ compiles
// (with a code cache of its own) when one is first required: compromise, to find names in a sentence
// about a family, and libphonenumber-js, for what looks like a phone number. 0.6 MB that a check of
// most issues need not compile. Named as bin/newsletter.cjs looks for them (sideModule there).
const SIDE = ['compromise', 'libphonenumber-js/min'];
const sideFile = (id) => `lib/side/${id.replaceAll('/', '+')}.cjs`;

// `check` has a bundle of its own, lib/newsletter-check.cjs, which bin/ runs for it: the same entry,
// with every other command's work left out (its import throws, and bin/ never runs it there). A
// third of the code (the studio, publishing, the daemon and what they load) is not compiled at every
// check. Any other command runs lib/newsletter.cjs.
const onlyCheck = {
  name: 'only-check',
  setup(b) {
    b.onResolve({ filter: /./ }, (args) =>
      args.kind === 'dynamic-import' &&
      /[\\/]cli[\\/]commands[\\/][\w-]+\.command\.js$/.test(args.importer) &&
      !/[\\/]check\.command\.js$/.test(args.importer)
        ? { path: `${path.basename(args.importer)}: ${args.path}`, namespace: 'not-in-check' }
        : undefined,
    );
    b.onLoad({ filter: /./, namespace: 'not-in-check' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in lib/newsletter-check.cjs: bin/newsletter.cjs runs lib/newsletter.cjs for this command`)});`,
      loader: 'js',
    }));
  },
};

// The code version (src/code-version.ts) is the hash of the bundles, worked out here once rather than
// by every run: they are hashed with a slot of the hash's length, and the hash put in the slot. One
// version for both, so `check` and `build` share the caches of their results.
const CODE_VERSION_SLOT = `code-version-${'_'.repeat(64 - 'code-version-'.length)}`;

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  charset: 'ascii',
  legalComments: 'none',
  // Minified whole (a quarter smaller: less to read, compile and cache at every start), with the
  // names of functions and classes kept, as some code reads them (error names, constructor names).
  // NEWSLETTER_BUNDLE_READABLE=1 keeps the names as written, for reading a profile (node --cpu-prof).
  minify: !process.env.NEWSLETTER_BUNDLE_READABLE,
  minifyWhitespace: true,
  keepNames: true,
  logLevel: 'warning',
};

const cli = (plugins, defines = {}) => ({
  ...COMMON,
  entryPoints: ['lib/cli/bundle.js'],
  // Native addons (sharp loads its libvips from @img/* packages), and a compiler cosmiconfig loads only for TypeScript config files: left to Node.
  // So are two that MJML's minifier can reach but never runs for an issue: svgo (with csso, css-tree
  // and mdn-data; only for an <svg>) and cssnano's default preset (with caniuse-lite; MJML uses the
  // lite one). A fifth of the bundle, which a cold start would otherwise compile.
  // Nodemailer (proofs and reminders) and MJML's beautifier (never on for us) are left to Node too:
  // no check needs them, and a command that sends mail waits on the network more than on loading.
  // So are htmlnano's search for a configuration file (cosmiconfig, with js-yaml, parse-json and
  // Babel's code frame) and juice's fetching of style sheets and images (web-resource-inliner, with
  // mime), which LAZY puts off until asked and MJML never asks for: 0.14 MB no check compiles.
  // The side bundles' packages are required from lib/side/.
  external: [
    'better-sqlite3',
    'sharp',
    'typescript',
    'svgo',
    'cssnano-preset-default',
    'nodemailer',
    'js-beautify',
    'cosmiconfig',
    'web-resource-inliner',
    ...SIDE,
  ],
  // import() of a computed name becomes require(), which bin/ answers from the bundle where it can.
  supported: { 'dynamic-import': false },
  // main.ts reads import.meta.url (for package.json), and page/assets.ts (for the browser files),
  // each one folder below lib/: give them main.ts's address in lib/.
  define: {
    'import.meta.url': '__mainUrl',
    __MJML_BASELINE__: JSON.stringify(baseline),
    __CODE_VERSION__: JSON.stringify(CODE_VERSION_SLOT),
    ...defines,
  },
  banner: { js: "const __mainUrl = require('node:url').pathToFileURL(__dirname + '/cli/main.js').href;" },
  plugins: [...plugins, oneCopy, lazyRequires, lodashFunctions, jsonParsed],
});
const side = (id) => ({
  ...COMMON,
  stdin: { contents: `module.exports = require(${JSON.stringify(id)});`, resolveDir: process.cwd(), loader: 'js' },
});

// The check's helper thread (src/check/helper-thread.ts): compiling templates and the text checks'
// reading, alone, run by Node as a worker's CommonJS file. It requires the packages of lib/side/
// from there, beside it, as Node's own require does.
const CHECK_HELPER = 'lib/check-helper.cjs';
const sideBeside = {
  name: 'side-beside',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${SIDE.map((id) => id.replace(/[/.]/g, '\\$&')).join('|')})$`) }, (args) => ({
      path: `./${sideFile(args.path).slice('lib/'.length)}`,
      external: true,
    }));
  },
};
const checkHelper = {
  ...COMMON,
  entryPoints: ['lib/check/helper-thread-worker.js'],
  supported: { 'dynamic-import': false },
  plugins: [sideBeside, oneCopy, jsonParsed],
};

const built = await Promise.all([
  build(cli([])),
  build(cli([onlyCheck], { __ZOD_JITLESS__: 'true' })),
  build(checkHelper),
  ...SIDE.map((id) => build(side(id))),
]);
// esbuild leaves non-ASCII letters in regular expressions; as \u escapes they mean the same, and an
// all-ASCII file is read as a one-byte string, several times faster than decoding UTF-8. The check's
// bundle has its module bodies compiled with the file (compiled-at-once.mjs), where that was measured
// to help; the other commands' is left as esbuild writes it.
const [all, check, helper, ...sides] = built.map((result, i) =>
  (i === 1 && COMMON.minify ? compiledAtOnce : (text) => text)(result.outputFiles[0].text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  ),
);
for (const text of [all, check])
  if (!text.includes(CODE_VERSION_SLOT))
    throw new Error('the bundle has no slot for its code version: src/code-version.ts no longer reads __CODE_VERSION__');
const version = createHash('sha256');
for (const text of [all, check, helper, ...sides]) version.update(createHash('sha256').update(text).digest('hex'));
const hash = version.digest('hex');
// Each written aside and renamed, so a newsletter process starting meanwhile reads the old file or the new, never half of one.
const write = (file, text) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
};
SIDE.forEach((id, i) => write(sideFile(id), sides[i]));
write(CHECK_HELPER, helper);
write('lib/newsletter-check.cjs', check.replaceAll(CODE_VERSION_SLOT, hash));
write('lib/newsletter.cjs', all.replaceAll(CODE_VERSION_SLOT, hash));

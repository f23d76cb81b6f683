// `npm run bundle` (part of build:ts and prepare): lib/newsletter.cjs, the compiled CLI and its
// dependencies in one CommonJS file, which bin/newsletter.js runs with V8's code cache. One file
// instead of ~1,500 spares Node resolving and reading each; see DECISIONS.md.
import { renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { build } from 'esbuild';

const result = await build({
  entryPoints: ['lib/cli/bundle.js'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  // A native addon, and a compiler cosmiconfig loads only for TypeScript config files: left to Node.
  external: ['better-sqlite3', 'typescript'],
  // import() of a computed name becomes require(), which bin/ answers from the bundle where it can.
  supported: { 'dynamic-import': false },
  // Only main.ts reads import.meta.url (for package.json): give it the address it has in lib/.
  define: { 'import.meta.url': '__mainUrl' },
  banner: { js: "const __mainUrl = require('node:url').pathToFileURL(__dirname + '/cli/main.js').href;" },
  charset: 'ascii',
  legalComments: 'none',
  minifyWhitespace: true,
  logLevel: 'warning',
});
// esbuild leaves non-ASCII letters in regular expressions; as \u escapes they mean the same, and an
// all-ASCII file is read as a one-byte string, several times faster than decoding UTF-8.
const text = result.outputFiles[0].text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// Written aside and renamed, so a newsletter process starting meanwhile reads the old file or the new, never half of one.
writeFileSync(`lib/newsletter.cjs.${process.pid}`, text);
renameSync(`lib/newsletter.cjs.${process.pid}`, 'lib/newsletter.cjs');

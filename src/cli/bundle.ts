// The entry of lib/newsletter.cjs, the CLI bundled into one file (see bin/newsletter.cjs). MJML's
// minifier (htmlnano) imports cssnano, postcss and svgo by names it computes at run time, which a bundler
// cannot follow; naming them here puts them in the bundle, and bin/ answers htmlnano's require with them.
// svgo is not in the bundle (scripts/bundle.mjs leaves it to Node, with cssnano's default preset):
// no issue's email has an <svg>, and what is never run need not be compiled at every start.
import { createRequire } from 'node:module';

export { main } from './main.js';

/** Node's require, from this file's folder in lib/ (in the bundle too: see import.meta.url in scripts/bundle.mjs). */
const nodeRequire = (id: string): unknown => createRequire(import.meta.url)(id);

/** A module the bundle carries, or undefined to let Node resolve it from node_modules/. */
export function bundledModule(id: string): unknown {
  // A switch, not a table: the bundle's own requires of Node's modules arrive before any table would be set.
  /* eslint-disable @typescript-eslint/no-require-imports -- evaluated only when htmlnano asks, inside the CommonJS bundle */
  switch (id) {
    case 'cssnano':
      return require('cssnano');
    case 'postcss':
      return require('postcss');
    case 'svgo':
      // htmlnano imports svgo before every minify only to see that it is there; it runs it only on an
      // <svg>. Loaded from node_modules/ when first used, by Node's own require: the bundle's would
      // ask this function again.
      return { optimize: (...args: unknown[]) => (nodeRequire('svgo') as { optimize: (...a: unknown[]) => unknown }).optimize(...args) };
    default:
      return undefined;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

// The entry of lib/newsletter.cjs, the CLI bundled into one file (see bin/newsletter.js). MJML's
// minifier (htmlnano) imports cssnano, postcss and svgo by names it computes at run time, which a bundler
// cannot follow; naming them here puts them in the bundle, and bin/ answers htmlnano's require with them.
export { main } from './main.js';

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
      // <svg>, which no issue has. Loaded (an eighth of a cold check's start-up) when first used.
      return { optimize: (...args: unknown[]) => (require('svgo') as { optimize: (...a: unknown[]) => unknown }).optimize(...args) };
    default:
      return undefined;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

// Types for scripts/compiled-at-once.mjs, which scripts/bundle.mjs runs as plain JavaScript.
/** The bundle's text with each module's body a parenthesised function; a shape not expected fails the build. */
export function compiledAtOnce(text: string): string;

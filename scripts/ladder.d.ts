// Types for scripts/ladder.js, which is plain JavaScript so that eslint.config.js can load it.
import type { ESLint } from 'eslint';

/** The rungs of src/, bottom first: folder names, or file names ending in .ts for files directly in src/. */
export const RUNGS: readonly (readonly string[])[];
/** The eslint plugin with the rule `no-upward-import`. */
export const ladder: ESLint.Plugin;

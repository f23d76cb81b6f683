// MJML 5 → email HTML. Handlebars has already run, so the minifier never sees a {{token}}.
import mjml2html from 'mjml';
import { wrapLines } from './wrap-lines.js';

export interface MjmlProblem {
  line: number;
  tagName: string;
  message: string;
}

export interface MjmlResult {
  html: string;
  problems: MjmlProblem[];
}

/** Our own font stack: an empty font map stops MJML adding Google Fonts links. */
export const MJML_OPTIONS = { fonts: {}, keepComments: false, minify: true, beautify: false } as const;

/**
 * Compile MJML. Validation runs as MJML's "strict" level would, but the problems are returned
 * rather than thrown, so `check` can report every one and `build` can refuse to write.
 */
export async function compileMjml(mjml: string): Promise<MjmlResult> {
  const result = await mjml2html(mjml, { ...MJML_OPTIONS, validationLevel: 'soft' });
  const problems = (result.errors ?? []).map((e) => ({ line: e.line, tagName: e.tagName, message: e.message }));
  // Minified HTML is one long line; mail servers carry lines of at most 998 characters.
  return { html: wrapLines(result.html), problems };
}

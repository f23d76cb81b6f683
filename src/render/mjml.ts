// MJML 5 → email HTML. Handlebars has already run, so the minifier never sees a {{token}}.
import mjml2html from 'mjml';
import { wrapLines } from './wrap-lines.js';

type MjmlOptions = NonNullable<Parameters<typeof mjml2html>[1]>;

export interface MjmlProblem {
  line: number;
  tagName: string;
  message: string;
}

export interface MjmlResult {
  html: string;
  problems: MjmlProblem[];
}

/**
 * Our own font stack: an empty font map stops MJML adding Google Fonts links. The minifier
 * (htmlnano) is told not to look for a configuration of its own: by default it searches every
 * folder from the working one up for an .htmlnanorc, an htmlnano key in a package.json or an
 * htmlnano.config.js (which it would run), so a file outside the project could change the email.
 */
export const MJML_OPTIONS: MjmlOptions = {
  fonts: {},
  keepComments: false,
  minify: true,
  beautify: false,
  // MJML hands these to htmlnano as they are; its types list only the options it names itself.
  minifyOptions: { skipConfigLoading: true } as MjmlOptions['minifyOptions'],
};

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

// The escaping template for the pages the tool builds in code (the studio's):
// markup`<p>${text}</p>` escapes every interpolated value, so a page cannot forget to. Markup made
// by another markup`` passes through as it is; anything else known to be markup is wrapped in raw().
// Named markup, not html: prettier would reformat an html`` template, and so change the page.
import { escapeHtml } from '../render/html.js';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** Markup to put in as it is: only for strings the code built, never for content or input. */
export const raw = (markup: string): Html => new Html(markup);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function put(v: Value): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(put).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

export function markup(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += put(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Pieces of markup with a separator between them (markup`` itself joins a list with nothing). */
export const joinHtml = (pieces: readonly Html[], separator: string): Html => raw(pieces.map((p) => p.text).join(separator));

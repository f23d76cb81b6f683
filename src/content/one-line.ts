// One-line fields (subject, preheader, titles, link text, names) hold no control characters. A line
// break in a subject becomes a second mail header once proofs and campaigns are sent; a tab or an
// invisible control character in a heading shows as a gap or a box. Each problem says which
// character, after which words, and how to fix it; `before` lets the loader point at the character.
import { parsedMarkdown } from './markdown-safety.js';

export interface ControlCharProblem {
  message: string;
  /** The text just before the character, on its own line, to find it in the file. */
  before: string;
}

// C0 controls (CR, LF, tab and the rest), DEL, C1 controls, and Unicode's line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// In Markdown bodies, line breaks and tabs are part of the writing; the rest are not.
const CONTROL_IN_BODY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Why a one-line value cannot be used, or undefined when it is fine. */
export function oneLineProblem(value: string): ControlCharProblem | undefined {
  const found = CONTROL.exec(value);
  if (!found) return undefined;
  const char = found[0];
  const before = lastLine(value.slice(0, found.index));
  return {
    message: `contains ${nameOf(char)} ${placeOf(before)} — this field is one line of plain text: ${fixFor(char)}`,
    before,
  };
}


/** Control characters in a Markdown body, and line breaks or tabs inside the text of a link. */
export function markdownControlProblem(source: string): ControlCharProblem | undefined {
  const stray = CONTROL_IN_BODY.exec(source);
  if (stray) {
    const before = lastLine(source.slice(0, stray.index));
    return { message: `contains ${nameOf(stray[0])} ${placeOf(before)} — ${fixFor(stray[0])}`, before };
  }
  // The body's own reading (markdown-safety.ts), as the render reads it: parsed once for every rule.
  for (const block of parsedMarkdown(source)) {
    let linkText: string | undefined;
    for (const token of block.children ?? []) {
      if (token.type === 'link_open') linkText = '';
      else if (token.type === 'link_close') linkText = undefined;
      else if (linkText !== undefined) {
        const text = token.type === 'softbreak' || token.type === 'hardbreak' ? '\n' : token.content;
        const found = CONTROL.exec(text);
        if (found) {
          const char = found[0];
          const shown = lastLine(linkText + text.slice(0, found.index));
          return {
            message: `the text of a link contains ${nameOf(char)} after "[${shown}" — write the text of a link on one line: ${fixFor(char)}`,
            before: `[${shown}`,
          };
        }
        linkText += text;
      }
    }
  }
  return undefined;
}

function nameOf(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<string, string> = {
    '\n': 'a line break (LF)',
    '\r': 'a carriage return (CR)',
    '\t': 'a tab',
    '\u007f': 'a delete character (DEL)',
    '\u2028': 'a line separator (U+2028)',
    '\u2029': 'a paragraph separator (U+2029)',
  };
  return names[char] ?? `an invisible control character (${hex})`;
}

function fixFor(char: string): string {
  if (char === '\t') return 'replace the tab with a space';
  if (/[\n\r\u2028\u2029]/.test(char)) return 'join the text into one line (in double quotes, look for "\\n" or "\\r")';
  return 'delete it; if you cannot see it, retype the words around it';
}

function placeOf(before: string): string {
  return before ? `after "${before.length > 40 ? `…${before.slice(-40)}` : before}"` : 'at the start';
}

function lastLine(text: string): string {
  return text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1);
}

// What the CLI prints comes partly from outside: Mailchimp's reports and campaigns, content files.
// A link holding `\e[2J\e]0;…\a` would clear the screen and set the window title, and a bidi
// override could make one link read as another. Every line printed is cleaned here, once, for all
// commands: escape sequences and control characters go (a tab and a line break stay, as does a
// "\r\n" a CSV ends its rows with); the colours our own output uses stay when colour is on.
import type { Io } from './io.js';

// Whole sequences first, so what they carry (a window title) goes with them. Each alternative
// matches in one pass (no nested repeats), so a long run of hostile text costs linear time.
const SEQUENCE =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?|\x1b[ -~]?/g;
const SGR = /^\x1b\[[0-9;]*m$/;
const CONTROL = /\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const ANY = new RegExp(`${SEQUENCE.source}|${CONTROL.source}`, 'g');

/** The text with every terminal control removed; `keepColour` keeps plain colour codes (SGR). */
export function terminalSafe(text: string, keepColour = false): string {
  return text.replace(ANY, (s) => (keepColour && SGR.test(s) ? s : ''));
}

/** An Io whose every line is made safe for a terminal before it is written. */
export function terminalSafeIo(io: Io): Io {
  return {
    ...io,
    out: (t) => io.out(terminalSafe(t, io.color)),
    err: (t) => io.err(terminalSafe(t, io.color)),
  };
}

// A file written by hand (or by another tool) may lay out what it says differently from how the
// editor writes YAML: `[ a, b ]` for `[a, b]`, two spaces after a colon. An edit is made on the
// editor's own writing of the file, so such differences are not the person's change; this puts
// only the lines the edit changed back into the file as it was, so the rest keeps its layout.
// A three-way line merge: `written` is the editor's writing of the untouched file, `original` the
// file as it is, `edited` the editor's writing after the edit. Where the edit and a layout
// difference touch the same lines, the edit's lines win (the edited field takes the editor's layout).
import { diffLines, type Hunk } from './diff.js';

export function keepLayout(original: string, written: string, edited: string): string {
  const base = splitLines(written);
  const layout = diffLines(written, original);
  const edits = diffLines(written, edited);
  const out: string[] = [];
  let at = 0; // next line of `written` (from 0) not yet copied
  let i = 0;
  let j = 0;
  while (i < layout.length || j < edits.length) {
    // The next hunk of either side, then every hunk of both sides overlapping the chunk it starts.
    const first = pick(layout[i], edits[j]);
    let [from, to] = range(first.hunk);
    const chunkLayout: Hunk[] = [];
    const chunkEdits: Hunk[] = [];
    (first.side === 'layout' ? chunkLayout : chunkEdits).push(first.hunk);
    if (first.side === 'layout') i++;
    else j++;
    for (let grew = true; grew;) {
      grew = false;
      while (i < layout.length && overlaps(layout[i]!, from, to)) {
        chunkLayout.push(layout[i]!);
        [from, to] = widen([from, to], layout[i++]!);
        grew = true;
      }
      while (j < edits.length && overlaps(edits[j]!, from, to)) {
        chunkEdits.push(edits[j]!);
        [from, to] = widen([from, to], edits[j++]!);
        grew = true;
      }
    }
    out.push(...base.slice(at, from));
    // Only layout changed here: keep the original's lines. Otherwise the edit's.
    out.push(...(chunkEdits.length === 0 ? apply(base, from, to, chunkLayout) : apply(base, from, to, chunkEdits)));
    at = to;
  }
  out.push(...base.slice(at));
  return out.length ? `${out.join('\n')}\n` : '';
}

/** Lines of `written` a hunk replaces, as [from, to) from 0; an insertion is empty at its place. */
function range(h: Hunk): [number, number] {
  return [h.oldStart - 1, h.oldStart - 1 + h.oldLines.length];
}

function widen([from, to]: [number, number], h: Hunk): [number, number] {
  const [a, b] = range(h);
  return [Math.min(from, a), Math.max(to, b)];
}

/** Two changes clash when they replace a common line, or one inserts strictly inside the other. */
function overlaps(h: Hunk, from: number, to: number): boolean {
  const [a, b] = range(h);
  if (a === b) return from === to ? a === from : a > from && a < to;
  if (from === to) return from > a && from < b;
  return a < to && from < b;
}

/** The hunk that starts first; at the same line an insertion goes before a replacement. */
function pick(l: Hunk | undefined, e: Hunk | undefined): { side: 'layout' | 'edit'; hunk: Hunk } {
  if (!e) return { side: 'layout', hunk: l! };
  if (!l) return { side: 'edit', hunk: e };
  const first = l.oldStart !== e.oldStart ? l.oldStart < e.oldStart : l.oldLines.length <= e.oldLines.length;
  return first ? { side: 'layout', hunk: l } : { side: 'edit', hunk: e };
}

/** The lines [from, to) of `base` with the given hunks (all inside that range) applied. */
function apply(base: string[], from: number, to: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let at = from;
  for (const h of [...hunks].sort((a, b) => a.oldStart - b.oldStart)) {
    const [a, b] = range(h);
    out.push(...base.slice(at, a), ...h.newLines);
    at = b;
  }
  out.push(...base.slice(at, to));
  return out;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

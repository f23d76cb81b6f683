// A line diff of a content file before and after a save: what the person is shown, and what the
// editor checks (only lines inside the edited nodes may change). Files are small (the April 2022
// issue is about 150 lines), so a plain longest-common-subsequence table is fast enough.

export interface Hunk {
  /** First old line removed or replaced (from 1); for a pure insertion, the line the new lines go before. */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

export function diffLines(before: string, after: string): Hunk[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Common head and tail first: an edit usually touches a few lines in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const hunks: Hunk[] = [];
  let open: Hunk | undefined;
  let i = 0;
  let j = 0;
  const hunk = () => (open ??= { oldStart: head + i + 1, oldLines: [], newStart: head + j + 1, newLines: [] });
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      if (open) hunks.push(open);
      open = undefined;
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      hunk().newLines.push(y[j++]!);
    } else {
      hunk().oldLines.push(x[i++]!);
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

/** The diff as people and git read it, without context lines: only what changed. */
export function formatDiff(file: string, hunks: readonly Hunk[]): string {
  if (hunks.length === 0) return '';
  const range = (start: number, n: number) => (n === 1 ? `${start}` : `${n === 0 ? start - 1 : start},${n}`);
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const h of hunks) {
    out.push(`@@ -${range(h.oldStart, h.oldLines.length)} +${range(h.newStart, h.newLines.length)} @@`);
    for (const l of h.oldLines) out.push(`-${l}`);
    for (const l of h.newLines) out.push(`+${l}`);
  }
  return `${out.join('\n')}\n`;
}

/** Lines without their end; a final newline does not make an empty last line. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

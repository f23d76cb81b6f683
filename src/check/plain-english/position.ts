// Where a span of a field's value sits in the issue file, as file:line:column. The file's text is
// read by the caller (CheckInput.source); a value that no longer matches it (the file changed
// since it was loaded) gets no position rather than a wrong one.
import { parseYaml, type Position } from '../../content/yaml.js';
import type { TextField } from '../privacy/text.js';

export type Locate = (field: Pick<TextField, 'section' | 'field' | 'text'>, offset: number) => Position | undefined;

export function locator(file: string, source: string | undefined): Locate {
  const parsed = source === undefined ? undefined : parseYaml({ file, text: source });
  if (!parsed || Array.isArray(parsed)) return () => undefined;
  return (field, offset) => {
    const path =
      field.section === null
        ? [field.field]
        : ['sections', field.section, ...field.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
    const raw = parsed.sourceOf(path);
    if (!raw) return undefined;
    const start = parsed.positionAt(raw.offset);
    const before = field.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const column = offset - (before.lastIndexOf('\n') + 1);
    if (raw.text.startsWith('|')) {
      // A literal block: the value's lines are the source's lines after the header, less the indent.
      const body = raw.text.split('\n').slice(1);
      const indent = /^[ ]*/.exec(body.find((l) => l.trim()) ?? '')![0].length;
      const sourceLine = body[line];
      if (sourceLine === undefined || sourceLine.slice(indent) !== field.text.split('\n')[line]) return undefined;
      return { line: start.line + 1 + line, column: indent + column + 1 };
    }
    // A one-line value, plain or quoted: the opening quote comes first.
    if (line > 0) return start;
    const quote = raw.text.startsWith('"') || raw.text.startsWith("'") ? 1 : 0;
    return raw.text.slice(quote, quote + offset) === before ? { line: start.line, column: start.column + quote + column } : start;
  };
}

// file:line:column for findings that know their field (privacy, merge tags, links): the field's
// place in the issue's YAML, through the same positions content errors use (content/yaml.ts),
// and inside the field the span found. Pure: the issue file's text is passed in.
import type { Issue } from '../content/schema.js';
import { parseYaml, type SourceFile } from '../content/yaml.js';
import type { Finding } from './finding.js';

export function locateFindings(findings: Finding[], issue: Issue, source: SourceFile | undefined): Finding[] {
  if (!source || !findings.some((f) => f.field && f.line === undefined)) return findings;
  const parsed = parseYaml(source);
  if (Array.isArray(parsed)) return findings;
  return findings.map((f) => {
    if (!f.field || f.line !== undefined) return f;
    const path = [...(f.section ? ['sections', f.section.index] : []), ...f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
    const written = valueAt(parsed.data, path);
    const value = valueAt(issue, path);
    // The file on disk may not be the content checked (an edit not saved yet): place nothing then.
    // The schema trims text, so the file's value is compared trimmed.
    if (typeof written !== 'string' || typeof value !== 'string' || written.trim() !== value) return f;
    const scalar = parsed.sourceOf(path);
    let position = parsed.positionOf(path);
    if (scalar && f.span) {
      // The span's text as written in the file: the nth time it appears there, as in the value.
      const nth = occurrences(value.slice(0, f.span.start), f.span.text);
      const at = nthIndex(scalar.text, f.span.text, nth);
      if (at >= 0) position = parsed.positionAt(scalar.offset + at);
    }
    return { ...f, file: source.file, line: position.line, column: position.column };
  });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && needle; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

function nthIndex(text: string, needle: string, nth: number): number {
  let at = text.indexOf(needle);
  for (let n = 0; n < nth && at >= 0; n++) at = text.indexOf(needle, at + 1);
  return at;
}

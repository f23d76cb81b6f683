// file:line:column for every finding that knows its field (privacy, plain English, merge tags,
// links): the place of its span in the issue's YAML, through place-in-file.ts, the one place that
// reads positions for checks. Pure: the issue file's text is passed in.
import type { Issue } from '../content/schema.js';
import type { SourceFile } from '../content/yaml.js';
import type { Finding } from './finding.js';
import { placeInFile } from './place-in-file.js';

export function locateFindings(findings: Finding[], issue: Issue, source: SourceFile | undefined): Finding[] {
  if (!source || !findings.some((f) => f.field && f.line === undefined)) return findings;
  const place = placeInFile(issue, source);
  return findings.map((f) => {
    if (!f.field || f.line !== undefined) return f;
    const position = place({ section: f.section?.index ?? null, field: f.field }, f.span?.start);
    return position ? { ...f, file: source.file, line: position.line, column: position.column } : f;
  });
}

// Which field of the issue a piece of rendered text came from: a merge tag, a placeholder or a link
// address found in the email is looked for in the section's own fields, so the finding can name
// the field and, through locate.ts, the file:line:column to fix. Pure.
import type { Issue } from '../content/schema.js';
import type { Finding } from './finding.js';

type Placed = Pick<Finding, 'field' | 'span'>;

/** The first field of the section (or the issue's subject and preheader) whose text holds `needle`; nothing when none does. */
export function fieldOf(issue: Issue, section: number | null, needle: string): Placed {
  if (!needle) return {};
  const owner = section === null ? { subject: issue.subject, preheader: issue.preheader } : issue.sections[section];
  for (const [field, text] of stringsOf(owner, '')) {
    const start = text.indexOf(needle);
    if (start >= 0) return { field, span: { start, end: start + needle.length, text: needle } };
  }
  return {};
}

function* stringsOf(value: unknown, prefix: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [prefix, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsOf(v, `${prefix}.${i}`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, prefix ? `${prefix}.${k}` : k);
}

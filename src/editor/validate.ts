// Validation of a file being edited: the real zod schema, refinements included, with the CLI's
// own plain words (content/errors.ts), each message tied to the form field it is about.
import type { z } from 'zod';
import { type ContentError, formatContentError, zodIssuesToErrors } from '../content/errors.js';
import { parseYaml } from '../content/yaml.js';
import type { Finding } from '../check/finding.js';
import { fieldId } from './form.js';
import type { FieldPath } from './paths.js';

export interface FieldMessage {
  /** The form field's id, or undefined when the message is about the whole file. */
  fieldId?: string;
  path: FieldPath;
  /** Where, in the CLI's words: "section 5 (recruitment), closingDate". */
  where: string;
  message: string;
  /** The line the CLI prints, file:line:column included. */
  line: string;
  severity: Finding['severity'];
  /** For a check finding: its code, and what an acknowledgement quotes when it may be let stand. */
  code?: string;
  quote?: string;
}

/** Every problem the CLI would report for this text, each placed on its field. */
export function validateText(file: string, text: string, schema: z.ZodType): FieldMessage[] {
  const parsed = parseYaml({ file, text });
  if (Array.isArray(parsed))
    return parsed.map((e) => ({
      path: [],
      where: '',
      message: e.message,
      line: `${e.file}:${e.position.line}:${e.position.column} ${e.message}`,
      severity: 'error' as const,
    }));
  const checked = schema.safeParse(parsed.data ?? {});
  if (checked.success) return [];
  const out: FieldMessage[] = [];
  // One issue at a time, so each message keeps the path it came from.
  for (const issue of checked.error.issues) {
    for (const error of zodIssuesToErrors([issue], parsed, schema)) {
      out.push(toMessage(error, pathOf(issue.path)));
    }
  }
  return out;
}

function toMessage(error: ContentError, path: FieldPath): FieldMessage {
  return {
    fieldId: path.length ? fieldId(path) : undefined,
    path,
    where: error.field,
    message: error.message,
    line: formatContentError(error),
    severity: 'error',
  };
}

function pathOf(path: readonly PropertyKey[]): FieldPath {
  return path.filter((p): p is string | number => typeof p !== 'symbol');
}

/**
 * Where a check finding belongs in an issue's form: its field when it names one ("items.0.body"
 * inside its section, or "subject" for the whole issue), else its section, else the whole issue.
 */
export function findingPath(f: Finding): FieldPath {
  const base: FieldPath = f.section ? ['sections', f.section.index] : [];
  if (!f.field) return base;
  return [...base, ...f.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))];
}

export function findingMessage(f: Finding): FieldMessage {
  const path = findingPath(f);
  const where = f.section ? `section ${f.section.index + 1} (${f.section.type})${f.field ? `, ${f.field}` : ''}` : (f.field ?? '');
  return {
    fieldId: path.length ? fieldId(path) : undefined,
    path,
    where,
    message: `${f.message} — ${f.fix}`,
    line: `${where ? `${where}: ` : ''}${f.message}`,
    severity: f.severity,
    code: f.code,
    ...(f.quote === undefined ? {} : { quote: f.quote }),
  };
}

// A finding's place and an acknowledgement, in the words the CLI report and the studio both show. Pure.
import { fieldPath } from '../content/errors.js';
import type { AcknowledgedFinding, Finding } from './finding.js';
import { fieldKeys } from './place-in-file.js';

/**
 * "content/issues/2022-04/issue.yaml:94:72 section 8 (stakeholder-news), item 1, linkText: " —
 * where to fix it, in the words content errors use (they carry it in their message already).
 */
export function placeOf(f: Finding): string {
  if (!f.file || f.line === undefined || f.message.startsWith(`${f.file}:`)) return '';
  const inField = f.field ? fieldPath(fieldKeys(f.field)) : '';
  const field = f.field ? `${f.section ? `section ${f.section.index + 1} (${f.section.type}), ` : ''}${inField}: ` : '';
  return `${f.file}:${f.line}:${f.column ?? 1} ${field}`;
}

/** What each check's findings are about, for sentences about an acknowledged one. */
const ABOUT: Record<string, string> = { privacy: 'a detail that could identify someone', 'plain-english': 'a plain English finding' };

/**
 * An acknowledgement from the issue file's `acknowledgements:` as a sentence: "Ann Chair let
 * "Star Hobson" stand in section 1 (welcome) — a detail that could identify someone
 * (privacy/name) — because it is in the published review."
 */
export function acknowledgedSentence(a: AcknowledgedFinding): string {
  const where = a.section ? ` in section ${a.section.index + 1} (${a.section.type})` : '';
  const about = ABOUT[a.code.split('/')[0]!] ?? 'a finding of check';
  const reason = a.reason.trim().replace(/[.!]$/, '');
  return `${a.by} let "${a.text}" stand${where} — ${about} (${a.code}) — because: ${reason}.`;
}

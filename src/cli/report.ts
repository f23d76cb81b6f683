// The check report for people: grouped by section, errors first within each; hints after, in a block of their own.
import { spamAssassinLine } from '../check/checks/spam.js';
import type { CheckReport, Finding } from '../check/finding.js';
import { acknowledgedSentence, placeOf } from '../check/finding-words.js';

// Colour only where it is welcome (Io.color: a terminal, NO_COLOR unset); the words alone carry the meaning.
const paint = (on: boolean | undefined, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

const LABEL = { error: [31, 'ERROR  '], warning: [33, 'warning'], hint: [36, 'hint   '] } as const;

/** Findings grouped by section, errors first within each, each with its fix under it. */
function sectionLines(findings: readonly Finding[], color: boolean | undefined): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.section ? `Section ${f.section.index + 1} (${f.section.type}): ${f.section.title}` : 'Whole issue';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines: string[] = [];
  for (const [title, group] of groups) {
    lines.push('', title);
    for (const f of [...group].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))) {
      const [code, label] = LABEL[f.severity];
      lines.push(`  ${paint(color, code, label)} ${placeOf(f)}${f.message} [${f.code}]`, `          fix: ${f.fix}`);
    }
  }
  return lines;
}

export function formatReport(report: CheckReport, style: { color?: boolean } = {}): string {
  // Hints come after everything that counts, so errors and warnings read as they always have.
  const hints = report.findings.filter((f) => f.severity === 'hint');
  const lines = [
    `Checks for issue ${report.issue}`,
    ...sectionLines(
      report.findings.filter((f) => f.severity !== 'hint'),
      style.color,
    ),
  ];
  if (hints.length > 0)
    lines.push(
      '',
      `Hints (${hints.length}): advice on the writing, not counted as warnings`,
      ...sectionLines(hints, style.color).map((l) => (l ? `  ${l}` : l)),
    );
  if (report.acknowledged?.length) {
    lines.push('', 'Acknowledged (let stand in the issue file):');
    for (const a of report.acknowledged) lines.push(`  ${acknowledgedSentence(a)}`);
  }
  const spamAssassin = spamAssassinLine(report);
  if (spamAssassin) lines.push('', spamAssassin);
  const verdict =
    report.errors > 0 ? 'Not ready to send.' : report.warnings > 0 ? 'Ready to send; read the warnings first.' : 'Ready to send.';
  lines.push(
    '',
    `${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}. ${paint(style.color, report.errors > 0 ? 31 : 32, verdict)}`,
  );
  return lines.join('\n');
}

// Run the checks over a rendered issue: no disk, no clock, and no network unless it is passed in.
import type { ContentError } from '../content/errors.js';
import { formatContentError } from '../content/errors.js';
import { type CheckInput, type CheckOptions, checkContext } from './context.js';
import { CHECK_REPORT_SCHEMA_VERSION, type CheckReport, type Finding } from './finding.js';
import { locateFindings } from './locate.js';
import { CHECKS } from './registry.js';

/** Pure unless `options` carries an edge function (the online link check's fetch, SpamAssassin). */
export async function runChecks(input: CheckInput, options: CheckOptions = {}, checks = CHECKS): Promise<CheckReport> {
  const ctx = checkContext(input, options);
  // Checks that wait (SpamAssassin, the network) start first; the others run while they wait.
  // Findings stay in the order of `checks`.
  const started = [...checks].sort((a, b) => Number(b.waits ?? false) - Number(a.waits ?? false));
  const results = await Promise.all(started.map((check) => Promise.resolve().then(() => check.run(ctx))));
  const findings = locateFindings(
    checks.flatMap((check) => results[started.indexOf(check)]!),
    input.issue,
    input.source,
  );
  return { ...report(input.issue.id, input.rendered.hash, findings), ...ctx.measured };
}

/** Content that does not load is itself a finding: the schema check. */
export function schemaReport(issueId: string, errors: ContentError[]): CheckReport {
  return report(
    issueId,
    null,
    errors.map((e) => ({
      code: 'schema/invalid',
      severity: 'error',
      section: e.section ?? null,
      message: formatContentError(e),
      fix: 'correct the content file at the place named',
      file: e.file,
      line: e.position.line,
      column: e.position.column,
    })),
  );
}

export function report(issue: string, hash: string | null, findings: Finding[]): CheckReport {
  const order = (f: Finding) => (f.section ? f.section.index : -1);
  const sorted = [...findings].sort((a, b) => order(a) - order(b));
  return {
    schemaVersion: CHECK_REPORT_SCHEMA_VERSION,
    issue,
    hash,
    errors: sorted.filter((f) => f.severity === 'error').length,
    warnings: sorted.filter((f) => f.severity === 'warning').length,
    findings: sorted,
  };
}

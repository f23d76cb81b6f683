// Run the checks over a rendered issue: no disk, no clock, and no network unless it is passed in.
import type { ContentError } from '../content/errors.js';
import { formatContentError } from '../content/errors.js';
import { type Check, type CheckInput, type CheckOptions, checkContext } from './context.js';
import type { CheckReport, Finding } from './finding.js';
import { CHECK_REPORT_SCHEMA_VERSION } from './report-version.js';
import { locateFindings } from './locate.js';
import { CHECKS } from './registry.js';

/** Pure unless `options` carries an edge function (the online link check's fetch, SpamAssassin). */
export async function runChecks(input: CheckInput, options: CheckOptions = {}, checks = CHECKS): Promise<CheckReport> {
  const ctx = checkContext(input, options);
  const run = (list: readonly Check[]) => Promise.all(list.map((check) => Promise.resolve().then(() => check.run(ctx))));
  const place = (found: Finding[][]) => placeEach(found, input.issue, input.source);
  // Checks that wait (SpamAssassin, the network) start first; the others run, and their findings
  // are placed in the issue file, while they wait. Findings stay in the order of `checks`.
  const [waiting, others] = [checks.filter((c) => c.waits), checks.filter((c) => !c.waits)];
  const waited = run(waiting);
  waited.catch(() => undefined); // awaited below; a failure meanwhile is not an unhandled rejection
  const placed = new Map<Check, Finding[]>();
  const add = (list: readonly Check[], found: Finding[][]) => list.forEach((check, i) => placed.set(check, found[i]!));
  add(others, place(await run(others)));
  add(waiting, place(await waited));
  const findings = checks.flatMap((check) => placed.get(check)!);
  return { ...report(input.issue.id, input.rendered.hash, findings), ...ctx.measured };
}

/** locateFindings over the findings of several checks at once, kept apart by check. */
function placeEach(found: Finding[][], issue: CheckInput['issue'], source: CheckInput['source']): Finding[][] {
  const all = locateFindings(found.flat(), issue, source);
  let at = 0;
  return found.map((list) => all.slice(at, (at += list.length)));
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

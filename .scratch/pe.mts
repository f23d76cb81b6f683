import { checkIssue, projectPaths } from '/work/wt/plain/src/pipeline.js';
import { CHECKS } from '/work/wt/plain/src/check/registry.js';
const { report } = await checkIssue(projectPaths('/work/wt/plain'), process.argv[2] ?? '2022-04', {});
for (const f of report.findings) console.log(f.severity, f.code, f.field, `${f.line}:${f.column}`, '|', f.message);
console.log(report.errors, report.warnings, report.findings.length);

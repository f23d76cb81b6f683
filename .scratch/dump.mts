import { checkIssue, projectPaths } from '/work/wt/plain/src/pipeline.js';
const { report } = await checkIssue(projectPaths('/work/wt/plain'), '2022-04', {});
for (const f of report.findings.filter((f) => f.code.startsWith('plain-english/'))) console.log(`  '${f.code.replace('plain-english/', '')} ${f.section ? f.section.index + 1 : '-'}.${f.field} ${f.line}:${f.column} ${f.span!.text.split(/\s+/).slice(0, 4).join(' ').replace(/'/g, "\\'")}',`);

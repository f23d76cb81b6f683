import { loadProject, projectPaths } from '/work/wt/plain/src/pipeline.js';
import { plainEnglish } from '/work/wt/plain/src/check/plain-english/index.js';
const p = await loadProject(projectPaths('/work/wt/plain'));
const issue = p.content!.issues.find((i) => i.id === '2022-04')!;
for (let i = 0; i < 4; i++) { const t = performance.now(); await plainEnglish(p.content!, issue); console.log('run', i, (performance.now() - t).toFixed(0), 'ms'); }

import { loadProject, projectPaths } from '../src/pipeline.js';
const p = projectPaths(process.argv[2]);
async function main() { for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await loadProject(p); console.log(r.content?.issues.length, r.errors.length, (performance.now() - t).toFixed(0), 'ms'); } }
main();

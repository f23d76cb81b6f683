// `npm run bench`: how fast and how small. Prints figures and ratios against the targets; never
// fails a build on timing (tests assert behaviour, benchmarks report speed).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mjml2html from 'mjml';
import { findIssue, loadProject, loadTemplates, projectPaths, usableContent } from '../src/pipeline.js';
import { renderIssue } from '../src/render/index.js';
import { MJML_OPTIONS } from '../src/render/mjml.js';
import { median, ROOT } from './bench-support.js';
import { cliFigures } from './bench-cli.js';
import { keystrokeTimes } from './bench-editor.js';
import { previewBench } from './bench-preview.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 150);
const WARMUP = 5;

/**
 * Time two functions in alternating blocks, so both see the same warm JIT, heap and machine
 * load, and each block's garbage is mostly collected within that block.
 */
async function timedPair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  const block = 15;
  for (let done = 0; done < RUNS; done += block) {
    for (const [fn, out] of [
      [a, times[0]],
      [b, times[1]],
    ] as const) {
      for (let i = 0; i < block; i++) {
        const start = performance.now();
        await fn();
        out.push(performance.now() - start);
      }
    }
  }
  return times;
}

function line(label: string, value: string, target?: string, ok?: boolean): void {
  const verdict = target === undefined ? '' : `  target ${target}  ${ok ? 'met' : 'NOT MET'}`;
  console.log(`${label.padEnd(76)} ${value.padStart(10)}${verdict}`);
}

// A copy of content/ and templates/, so removing its template cache touches nothing in the repository.
const copy = mkdtempSync(path.join(tmpdir(), 'newsletter-bench-render-'));
for (const dir of ['content', 'templates']) cpSync(path.join(ROOT, dir), path.join(copy, dir), { recursive: true });
const paths = projectPaths(copy);
let mjml = '';
let html = '';
async function pipelineOnce(): Promise<void> {
  const content = usableContent(await loadProject(paths), ['2022-04']);
  const rendered = await renderIssue(content, findIssue(content, '2022-04'), await loadTemplates(paths));
  mjml = rendered.mjml;
  html = rendered.html;
}
// The first render in this process, with no compiled templates on disk: modules are loaded (the
// import above), but nothing has run yet. A cold start of the command line is measured in bench-cli.
rmSync(path.join(copy, '.cache/templates'), { recursive: true, force: true });
const firstStart = performance.now();
await pipelineOnce();
const first = performance.now() - firstStart;
// The same MJML options the pipeline uses, so the ratio is the cost of everything around MJML.
const [pipeline, mjmlOnly] = await timedPair(pipelineOnce, () => mjml2html(mjml, { ...MJML_OPTIONS, validationLevel: 'soft' }));
rmSync(copy, { recursive: true, force: true });

const p = median(pipeline);
const m = median(mjmlOnly);
console.log(`Render benchmark: April 2022 issue, in one process; ${RUNS} runs after ${WARMUP} warm-up, medians\n`);
line('first render, template cache removed (load → HTML + text + web)', `${first.toFixed(1)} ms`);
line('warm render: JIT, template cache and files warm (load → HTML + text + web)', `${p.toFixed(1)} ms`);
line('warm mjml2html alone on the same MJML', `${m.toFixed(1)} ms`);
line('ratio warm render / warm mjml2html', (p / m).toFixed(3), '≤ 1.25', p / m <= 1.25);
const kb = Buffer.byteLength(html) / 1024;
line('email HTML size', `${kb.toFixed(1)} KB`, '< 60 KB', kb < 60);

// Issue 22: every check is linear in the text it reads. 1 MB is 8 times 128 KB, so linear time
// gives a ratio near 8 (a little under, as the fixed costs are shared); quadratic would give 64.
{
  const { checkHostile, hostileText } = await import('./hostile-text.js');
  const small = await checkHostile(hostileText(128 * 1024));
  const large = await checkHostile(hostileText(1024 * 1024));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log('\nChecks over hostile text (runs of letters, dots, @, digits, dashes, nested brackets)\n');
  for (const name of ['privacy', 'plain-english'])
    line(
      `check ${name}: 1 MB ${large.get(name)!.toFixed(0)} ms / 128 KB ${small.get(name)!.toFixed(0)} ms`,
      (large.get(name)! / small.get(name)!).toFixed(2),
    );
  const ratio = sum(large) / sum(small);
  line(`every check: 1 MB ${sum(large).toFixed(0)} ms / 128 KB ${sum(small).toFixed(0)} ms`, ratio.toFixed(2), '≈ 8 (≤ 12)', ratio <= 12);
}

console.log('');
await cliFigures();

console.log('');
await previewBench();
const keys = await keystrokeTimes();
console.log(
  `${'editor keystroke → updated email (median)'.padEnd(44)} ${`${median(keys).toFixed(0)} ms`.padStart(12)}  target ≤ 100 ms  ${median(keys) <= 100 ? 'met' : 'NOT MET'}`,
);

// Pictures (issue 26): a 3 MB phone photo and a logo, cold and cached; keystroke-to-preview with them.
console.log('');
await (await import('./bench-images.js')).imagesBench();

// The same figures at 1, 49 and 100 issues (issue 27): how the cost grows with the archive.
console.log('');
await import('./bench-scale.js');

// The team studio: what its sign-in checks add to a studio page request.
await import('./bench-team.js');

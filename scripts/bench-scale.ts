// Issue 27's figures at 1, 49 and 100 issues (BENCH_SCALES=1,49,100), on projects made by
// bench-fixture.ts: how each cost grows with the archive. Keystroke, reload and check must stay
// flat; start, memory and build may grow, but slowly. Figures only: timing never fails a build.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { cliFigures } from './bench-cli.js';
import { keystrokeTimes } from './bench-editor.js';
import { benchProject } from './bench-fixture.js';
import { reloadTimes } from './bench-preview.js';
import { median, ROOT } from './bench-support.js';

const SCALES = (process.env.BENCH_SCALES ?? '1,49,100').split(',').map(Number);
const EDITS = Number(process.env.BENCH_SCALE_EDITS ?? 10);
const CLI_ROUNDS = Number(process.env.BENCH_SCALE_CLI_RUNS ?? 5);
const BIN = path.join(ROOT, 'bin/newsletter.cjs');

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
}

function fetchPage(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

/** `newsletter serve` as a fresh process: start → the list of issues answered, and its memory then. */
/** Processor seconds a live process has used (user + system), from /proc: on a loaded machine wall time mostly measures the queue. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function studioStart(root: string): Promise<{ ms: number; rssMb: number; cpu: number }> {
  const start = performance.now();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Preview studio: (http:\/\/[^\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const status = await fetchPage(`${url}/`);
    const ms = performance.now() - start;
    if (status !== 200) throw new Error(`the studio answered ${status}`);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return { ms, rssMb: rss ? Number(rss[1]) / 1024 : NaN, cpu: cpuSeconds(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

function timedBuild(root: string): { ms: number; cpu: number } {
  const times = path.join(root, '.bench-build-times');
  const start = performance.now();
  // GNU time writes the child's processor seconds (user, system) to a file of their own.
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', times, process.execPath, BIN, 'build'], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`build exited with ${r.status}: ${r.stderr}`);
  const [user, system] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  return { ms, cpu: user! + system! };
}

interface Row {
  issues: number;
  keystroke: [number, number];
  reload: number;
  cold: number;
  warm: number;
  edited: number;
  spamAssassin?: number;
  firstStart: number;
  start: number;
  startCpu: number;
  rss: number;
  build: number;
  buildCpu: number;
  rebuild: number;
  rebuildCpu: number;
}

const rows: Row[] = [];
for (const n of SCALES) {
  console.log(`\n— ${n} issue(s), ${500}-entry reviews registry —`);
  const project = await benchProject(n);
  try {
    const starts = [];
    for (let i = 0; i < 3; i++) starts.push(await studioStart(project.root));
    // The first build as after a clone: no parsed content or build record kept by the starts above.
    rmSync(path.join(project.root, '.cache'), { recursive: true, force: true });
    const first = timedBuild(project.root);
    const second = timedBuild(project.root);
    const cli = await cliFigures(project.root, { rounds: CLI_ROUNDS, context: false });
    const keys = await keystrokeTimes(project.root, EDITS);
    const reload = await reloadTimes(project.root, EDITS);
    rows.push({
      issues: n,
      keystroke: [median(keys), p95(keys)],
      reload: median(reload),
      cold: cli.cold,
      warm: cli.warm,
      edited: cli.edited,
      spamAssassin: cli.spamAssassin,
      firstStart: starts[0]!.ms,
      start: median(starts.map((s) => s.ms)),
      startCpu: median(starts.map((s) => s.cpu)),
      rss: median(starts.map((s) => s.rssMb)),
      build: first.ms,
      buildCpu: first.cpu,
      rebuild: second.ms,
      rebuildCpu: second.cpu,
    });
  } finally {
    await project.remove();
  }
}

const figures: [string, string, (r: Row) => string][] = [
  [
    'editor keystroke → updated email, median / p95',
    '≤ 100 / 200 ms',
    (r) => `${r.keystroke[0].toFixed(0)} / ${r.keystroke[1].toFixed(0)} ms`,
  ],
  ['file save → new text in Chromium, median', '≤ 100 ms', (r) => `${r.reload.toFixed(0)} ms`],
  ['check 2022-04 cold ÷ MJML CLI', '≤ 1.0', (r) => r.cold.toFixed(2)],
  ['check 2022-04 warm ÷ MJML CLI', '≤ 0.8', (r) => r.warm.toFixed(2)],
  ['  (warm, one paragraph edited before each run)', '≤ 0.8', (r) => r.edited.toFixed(2)],
  ['check with SpamAssassin ÷ (MJML CLI, spamassassin -L)', '≤ 0.8', (r) => r.spamAssassin?.toFixed(2) ?? '—'],
  ['studio start → first page answered, median of 3', '≤ 1.5 s', (r) => `${(r.start / 1000).toFixed(2)} s`],
  ['  (the first of the 3, nothing in .cache/ yet)', '', (r) => `${(r.firstStart / 1000).toFixed(2)} s`],
  ['  (processor time of that start)', '', (r) => `${r.startCpu.toFixed(2)} s`],
  ['studio memory (RSS) after start', '≤ 150 MB', (r) => `${r.rss.toFixed(0)} MB`],
  ['build, first', '≤ 2 s', (r) => `${(r.build / 1000).toFixed(2)} s`],
  ['  (processor time)', '', (r) => `${r.buildCpu.toFixed(2)} s`],
  ['build again, nothing changed', '≤ 0.5 s', (r) => `${(r.rebuild / 1000).toFixed(2)} s`],
  ['  (processor time)', '', (r) => `${r.rebuildCpu.toFixed(2)} s`],
];
console.log(`\nIssue 27 at scale (${EDITS} edits, ${CLI_ROUNDS} CLI rounds per size)\n`);
console.log(`${'figure'.padEnd(56)} ${'target'.padEnd(16)} ${rows.map((r) => `${r.issues} issue(s)`.padStart(16)).join('')}`);
for (const [label, target, cell] of figures)
  console.log(`${label.padEnd(56)} ${target.padEnd(16)} ${rows.map((r) => cell(r).padStart(16)).join('')}`);

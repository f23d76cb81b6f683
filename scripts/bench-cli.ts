// The command line's speed targets (issue 8), as ratios of paired runs: each round runs the command
// and its yardstick back to back as fresh processes, so both see the same load on a shared machine;
// the ratio is the median of the rounds' ratios. Figures only: a slow machine never fails a build.
// A fresh process is not a cold start: `check` keeps V8's code cache beside the bundle and the
// compiled templates in .cache/templates/. "Warm start" keeps them (every run after the first);
// "cold start" removes them all (and the parsed content in .cache/content/) before each run (the first run after an install or a template change).
// The operating system's file cache is left alone on both sides: dropping it needs root and slows
// everything else on a shared machine.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emailMessage } from '../src/check/message.js';
import { findIssue, loadProject, loadTemplates, projectPaths, renderIssue, usableContent } from '../src/pipeline.js';
import { median } from './bench-support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_CLI_RUNS ?? 15);
let rounds = ROUNDS;
const BIN = path.join(ROOT, 'bin/newsletter.cjs');
// MJML's own command line, as `npx mjml` runs it.
const MJML_CLI = path.join(ROOT, 'node_modules/.bin/mjml');

type Step = {
  args: string[];
  command?: string;
  env?: NodeJS.ProcessEnv;
  input?: Buffer;
  /** Done before the clock starts: what the run must not find (the caches of a cold start). */
  before?: () => void;
};

/** Processor seconds of this process's finished children (Linux: /proc, in hundredths of a second). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Timed {
  ms: number;
  /** Processor time of the run and all it started, in ms: steadier than `ms` on a loaded machine. */
  cpuMs: number;
}

function run(steps: Step[], cwd: string): Timed {
  for (const step of steps) step.before?.();
  const cpu = childrenCpu();
  const start = performance.now();
  for (const step of steps) {
    const options: SpawnSyncOptions = {
      cwd,
      env: step.env ?? process.env,
      input: step.input,
      stdio: [step.input ? 'pipe' : 'ignore', 'ignore', 'ignore'],
    };
    const result = spawnSync(step.command ?? process.execPath, step.args, options);
    if (result.error) throw result.error;
    // A yardstick that fails early (MJML's CLI given no file) would be timed as if it had worked.
    if (result.status !== 0) throw new Error(`${[step.command ?? 'node', ...step.args].join(' ')} exited with ${result.status}`);
  }
  return { ms: performance.now() - start, cpuMs: (childrenCpu() - cpu) * 1000 };
}

function paired(label: string, a: Step[], aLabel: string, b: Step[], bLabel: string, target: number | undefined, cwd: string): number {
  run(a, cwd); // warm the disk cache, and let the CLI write its code cache (a cold step removes it again)
  run(b, cwd);
  const times: [Timed[], Timed[]] = [[], []];
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so neither always runs right after the other.
    const [ta, tb] = i % 2 ? [run(a, cwd), run(b, cwd)] : ((tb) => [run(a, cwd), tb])(run(b, cwd));
    times[0].push(ta!);
    times[1].push(tb!);
    ratios.push(ta!.ms / tb!.ms);
  }
  const ratio = median(ratios);
  const [ms, cpu] = [(t: Timed[]) => median(t.map((x) => x.ms)), (t: Timed[]) => median(t.map((x) => x.cpuMs))];
  const figure = (t: Timed[]) => `${ms(t).toFixed(0).padStart(6)} ms   (processor ${cpu(t).toFixed(0)} ms)`;
  console.log(label);
  console.log(`  ${aLabel.padEnd(52)} ${figure(times[0])}`);
  console.log(`  ${bLabel.padEnd(52)} ${figure(times[1])}`);
  const verdict = target === undefined ? '(for comparison)' : `target ≤ ${target.toFixed(1)}  ${ratio <= target ? 'met' : 'NOT MET'}`;
  console.log(`  ${'ratio'.padEnd(52)} ${ratio.toFixed(2).padStart(6)}    ${verdict}`);
  console.log(
    `  ${'(ratio of processor times, for a loaded machine)'.padEnd(52)} ${(cpu(times[0]) / cpu(times[1])).toFixed(2).padStart(6)}`,
  );
  return ratio;
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface CliFigures {
  warm: number;
  /** Warm, with one paragraph edited before each run. */
  edited: number;
  cold: number;
  spamAssassin?: number;
}

/**
 * The command line's ratios on a copy of `from` (the repository, or a bench fixture); `context`
 * adds the figures kept for comparison (minifying MJML, --help, --version).
 */
export async function cliFigures(from = ROOT, o: { rounds?: number; context?: boolean } = {}): Promise<CliFigures> {
  rounds = o.rounds ?? ROUNDS;
  const figures: CliFigures = { warm: NaN, edited: NaN, cold: NaN };
  // A copy of the project, so the bench writes nothing into the repository's dist/.
  const project = mkdtempSync(path.join(tmpdir(), 'newsletter-bench-'));
  try {
    for (const dir of ['content', 'templates']) cpSync(path.join(from, dir), path.join(project, dir), { recursive: true });
    // The MJML and the message the check makes, rendered here: `build` of a sent issue (April 2022 is
    // one) writes the files as sent, and no issue.mjml.
    const content = usableContent(await loadProject(projectPaths(project)), ['2022-04']);
    const issue = findIssue(content, '2022-04');
    const rendered = await renderIssue(content, issue, await loadTemplates(projectPaths(project)));
    writeFileSync(path.join(project, 'issue.mjml'), rendered.mjml);
    const mjml: Step = { args: [MJML_CLI, path.join(project, 'issue.mjml'), '-s'] };
    // An empty PATH: no spamassassin (nor spamc) to be found; node itself is run by its full path.
    const noSpamAssassin = { ...process.env, PATH: mkdtempSync(path.join(tmpdir(), 'newsletter-empty-path-')) };

    // A cold start: no V8 code cache beside the bundle, no compiled templates in the project.
    const removeCaches = () => {
      // V8's code caches beside each bundle: lib/newsletter.cjs, lib/newsletter-check.cjs, lib/side/*.
      for (const dir of ['lib', 'lib/side'])
        for (const name of readdirSync(path.join(ROOT, dir)).filter((n) => n.endsWith('.cjs.cache')))
          rmSync(path.join(ROOT, dir, name), { force: true });
      rmSync(path.join(project, '.cache'), { recursive: true, force: true }); // compiled templates, parsed content
    };

    console.log(`Command line: ${rounds} paired rounds of fresh processes, medians; ratio = median of the rounds' ratios\n`);
    figures.warm = paired(
      'warm start `check 2022-04` (code cache and template cache kept), SpamAssassin absent',
      [{ args: [BIN, 'check', '2022-04'], env: noSpamAssassin }],
      'newsletter check 2022-04',
      [mjml],
      "MJML's CLI: mjml issue.mjml -s",
      0.8,
      project,
    );
    // The same after an edit, as a person runs it: a new sentence in one paragraph before each run,
    // so the issue file is parsed again and that paragraph is read again by the text checks.
    const issueFile = path.join(project, 'content/issues/2022-04/issue.yaml');
    let edits = 0;
    const editOneParagraph = () => {
      const text = readFileSync(issueFile, 'utf8');
      const edited = text.replace(/(As we move into the new financial year)(?: \(edit \d+\))?/, `$1 (edit ${++edits})`);
      if (edited === text) throw new Error(`${issueFile}: the paragraph the bench edits is not there`);
      writeFileSync(issueFile, edited);
    };
    figures.edited = paired(
      'warm start `check 2022-04` after an edit of one paragraph before each run, SpamAssassin absent',
      [{ args: [BIN, 'check', '2022-04'], env: noSpamAssassin, before: editOneParagraph }],
      'newsletter check 2022-04',
      [mjml],
      "MJML's CLI: mjml issue.mjml -s",
      0.8,
      project,
    );
    figures.cold = paired(
      'cold start `check 2022-04` (code cache and template cache removed before each run), SpamAssassin absent',
      [{ args: [BIN, 'check', '2022-04'], env: noSpamAssassin, before: removeCaches }],
      'newsletter check 2022-04',
      [mjml],
      "MJML's CLI: mjml issue.mjml -s",
      1.0,
      project,
    );
    // Not a target: MJML's CLI minifying as the email must be (cssnano and htmlnano), for context.
    if (o.context !== false)
      paired(
        "(context) the same warm-start check against MJML's CLI minifying",
        [{ args: [BIN, 'check', '2022-04'], env: noSpamAssassin }],
        'newsletter check 2022-04',
        [{ args: [...mjml.args, '--config.minify', 'true'] }],
        'mjml issue.mjml -s --config.minify true',
        undefined,
        project,
      );
    const spamassassin = onPath('spamassassin');
    if (spamassassin) {
      const message = Buffer.from(emailMessage({ content, issue, rendered }));
      writeFileSync(path.join(project, 'message.eml'), message);
      figures.spamAssassin = paired(
        'warm start `check 2022-04`, SpamAssassin installed',
        [{ args: [BIN, 'check', '2022-04'] }],
        'newsletter check 2022-04',
        [mjml, { command: spamassassin, args: ['-L', '--cf=report_safe 0'], input: readFileSync(path.join(project, 'message.eml')) }],
        'mjml issue.mjml -s, then spamassassin -L < message',
        0.8,
        project,
      );
    } else console.log('(spamassassin is not on PATH: the SpamAssassin-installed ratio is not measured)');
    if (o.context !== false)
      for (const flag of ['--help', '--version'])
        paired(`\`newsletter ${flag}\``, [{ args: [BIN, flag] }], `newsletter ${flag}`, [{ args: ['-e', '0'] }], 'node -e 0', 2.0, project);
    rmSync(noSpamAssassin.PATH, { recursive: true, force: true });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
  return figures;
}

#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` through the prepare script): lib/cli/main.js
// from tsc, and lib/newsletter.cjs, the same code bundled with its dependencies into one file by
// esbuild, which starts about a third faster (see DECISIONS.md, "One bundled file for the CLI").
const { isAscii } = require('node:buffer');
const { accessSync, constants, existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const v8 = require('node:v8');
const vm = require('node:vm');
const { Worker } = require('node:worker_threads');

// A reader that goes away (`newsletter help | head -1`) is not a failure: end quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

const lib = path.join(__dirname, '..', 'lib');
const entry = path.join(lib, 'cli/main.js');
if (!existsSync(entry)) {
  process.stderr.write('newsletter: the tool is not built yet. Run `npm install` (or `npm run build:ts`) in the project folder first.\n');
  process.exit(2);
}
// Settings may sit in a .env file in the project folder; the environment wins over it.
if (existsSync('.env')) process.loadEnvFile('.env');

const args = process.argv.slice(2);
// Help and the version need only the table of commands: lib/cli/main.js loads nothing else for them.
const light =
  args.length === 0 || ['help', '--help', '-h', '--version', '-V'].includes(args[0]) || args.includes('--help') || args.includes('-h');
// Started before the code loads, for the command to take over (src/cli/command.ts, Started).
const started = {};
void (async () => {
  if (args[0] === 'check' && !light) Object.assign(started, await startedForCheck());
  const bundle = light ? undefined : freshBundle();
  const { main, done } = bundle ? loadBundle(bundle) : { main: (await import(pathToFileURL(entry).href)).main, done: () => {} };
  process.exitCode = await main(args, undefined, undefined, undefined, undefined, started);
  done();
})();

/**
 * SpamAssassin's start is the longest wait of `check`: when one is on PATH, it is started now, with
 * lib/check/spamassassin.js alone, about 50 ms before the bundle could start it; that module decides
 * the rest (NEWSLETTER_SPAMASSASSIN=off, spamd), and the command takes what it found (a process it
 * does not take ends with Node). Nothing is loaded when none is on PATH: the probe is that module's
 * onPath, written again here so that no module is read to find nothing.
 */
async function startedForCheck() {
  const executable = (file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  if (!dirs.some((dir) => executable(path.join(dir, 'spamassassin')))) return {};
  const { findSpamAssassin } = await import(pathToFileURL(path.join(lib, 'check/spamassassin.js')).href);
  const spamAssassin = findSpamAssassin('spamassassin');
  spamAssassin.catch(() => undefined); // a command that does not take it must not end on its failure
  // The promise inside an object, so it is not awaited: spamd is asked while the bundle loads.
  return { spamAssassin };
}

/**
 * The check's helper thread (src/check/helper-thread.ts), started now when the project has no text
 * notes yet (its first check, when every sentence is to be read): the thread starts and compiles its
 * code, then the project's templates, while this one compiles the bundle and loads the content.
 * Otherwise the command starts one itself if it finds enough unread text, or reads the few changed
 * texts itself. The notes' place (cacheDir 'checks' and text-memory-file.ts's name) is written again
 * here, as SpamAssassin's probe is above: no module is read to decide.
 */
function helperForCheck() {
  const file = path.join(lib, 'check-helper.cjs');
  if (existsSync('.cache/checks/text-notes.json') || !existsSync(file)) return {};
  const start = { templatesOf: process.cwd() };
  const worker = new Worker(file, { workerData: start });
  worker.unref();
  return { helper: { worker, start } };
}

/**
 * The bundle for the command, unless lib/ was compiled after it (then it would run older code):
 * `check` has one of its own, without the other commands' work (scripts/bundle.mjs).
 */
function freshBundle() {
  const file = path.join(lib, args[0] === 'check' ? 'newsletter-check.cjs' : 'newsletter.cjs');
  const built = statSync(file, { throwIfNoEntry: false });
  const compiled = statSync(path.join(lib, '.tsbuildinfo'), { throwIfNoEntry: false });
  return built && (!compiled || built.mtimeMs >= compiled.mtimeMs) ? file : undefined;
}

/**
 * Run the bundle as Node runs a CommonJS file, with V8's code cache kept beside it (Node 20 has no
 * module.enableCompileCache). The first run writes the cache. What the bundle requires from
 * lib/side/ (packages only some checks need) is run the same way, each with a cache of its own.
 */
function loadBundle(file) {
  const bundle = cachedScript(file);
  // Started once the bundle is compiled: started sooner, the thread's own start slowed that compile
  // (which V8 does partly on other threads) by more than it gave back.
  if (args[0] === 'check') Object.assign(started, helperForCheck());
  const flags = v8.cachedDataVersionTag(); // the hash of V8's flags the caches are checked against
  const resolve = createRequire(file);
  // V8's flags for a short run, for `check` only (see changedFlags): a first build of a hundred
  // issues measured slower with TurboFan put off for its first 300 ms in one series of runs.
  // `serve`: the studio's young generation keeps its first size from its first allocation, for the
  // hours it runs (src/workspace/young-generation.ts says why, and tells the check worker).
  const growth = (factor) => [`--semi-space-growth-factor=${factor}`, '--semi-space-growth-factor=2'];
  const runFlags =
    args[0] === 'check'
      ? (loadNodeModulesFirst(resolve), changedFlags([['--no-turbofan', '--turbofan'], growth(8)], 600))
      : changedFlags(args[0] === 'serve' ? [growth(1)] : []);
  const module = { exports: {} };
  const sides = new Map();
  const side = (id) => {
    if (!sides.has(id)) sides.set(id, sideModule(id, runFlags));
    return sides.get(id)?.exports;
  };
  // What the bundle requires at run time by a computed name: from the bundle itself when it carries
  // it, then from lib/side/, then from node_modules/.
  const require = Object.assign((id) => module.exports.bundledModule?.(id) ?? side(id) ?? resolve(id), resolve);
  bundle.script.runInThisContext()(module.exports, require, module, file, path.dirname(file));
  const done = () => {
    // V8 heads a cache with a hash of its flags: written under the usual ones, the next run takes
    // it; one that would be written under others (a flag not put back) is not written at all.
    runFlags.restore();
    if (v8.cachedDataVersionTag() !== flags) return;
    for (const script of [bundle, ...[...sides.values()].filter(Boolean)]) script.keep();
  };
  return { main: module.exports.main, done };
}

/** A package of lib/side/ (see SIDE in scripts/bundle.mjs), run as a CommonJS file; undefined if it is not one. */
function sideModule(id, runFlags) {
  const file = path.join(lib, 'side', `${id.replaceAll('/', '+')}.cjs`);
  if (!/^[a-z@][\w./@-]*$/.test(id) || id.includes('..') || !existsSync(file)) return undefined;
  // Compiled under V8's usual flags, the ones its cache was made under (TurboFan may be off now).
  const script = runFlags.usual(() => cachedScript(file));
  const module = { exports: {} };
  script.script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, keep: script.keep };
}

/**
 * A script compiled with the code cache beside it when the cache's header matches. V8 checks only
 * that the source has the same length, so the cache is headed by the file's size and time of
 * writing, and one made for another build is not given to V8. keep() writes the cache when none was
 * taken. The cache's bytes are let go once compiled: `serve` runs for hours, and they are needed
 * only while V8 compiles.
 */
function cachedScript(file) {
  const cacheFile = `${file}.cache`;
  const { size, mtimeMs } = statSync(file);
  const header = Buffer.from(`${path.basename(file)} ${size} ${mtimeMs}\n`);
  const stored = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const cachedData = stored?.subarray(0, header.length).equals(header) ? stored.subarray(header.length) : undefined;
  const script = new vm.Script(Module.wrap(sourceOf(file)), { filename: file, cachedData });
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  const keep = () => {
    if (accepted) return;
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]));
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install runs without the cache, only slower.
    }
  };
  return { script, keep };
}

/**
 * Node's own modules carry a code cache of their own, made under V8's usual flags: once TurboFan is
 * put off, each one loaded is compiled from its source instead (about 10 ms of a `check`). So those
 * every command loads are loaded first: util's parseArgs and isDeepStrictEqual load theirs when first
 * used.
 */
function loadNodeModulesFirst(require) {
  for (const id of ['node:crypto', 'node:fs/promises', 'node:os', 'node:child_process', 'node:process']) require(id);
  const util = require('node:util');
  void util.parseArgs;
  util.isDeepStrictEqual(0, 0);
}

/**
 * V8's flags changed for a command, after the bundle is compiled from its cache (whose flag hash is
 * checked then): each pair is [the command's, V8's usual]. restore() puts V8's usual flags back, as
 * done() does before it writes a cache; usual(compile) compiles under them, for a cache made under
 * them. With `afterMs`, the usual flags come back by themselves then.
 *
 * `check`: V8's optimising compiler (TurboFan) costs more than it gives back in a command that is
 * over in a quarter of a second: it compiles on the second core what runs once or twice, about a
 * fifth of the command's processor time. So `check` starts without it, and has it after 600 ms,
 * should it run long (an issue of hostile size, a registry of hundreds of reviews). At 300 ms it came
 * on near the end of a cold check (about 350 ms), and compiled on the core the check's helper thread
 * works on, for code about to exit: 4% of the cold check's time in paired runs. Meanwhile the young
 * generation grows eightfold when it fills, not twofold: a check's start keeps most of what it makes,
 * and at V8's pace the heap was scavenged eleven times and marked and compacted once before it was
 * done (about 15 ms); now about six times, and never compacted.
 */
function changedFlags(pairs, afterMs) {
  let changed = pairs.length > 0;
  const set = (i) => pairs.forEach((pair) => v8.setFlagsFromString(pair[i]));
  const restore = () => {
    if (changed) set(1);
    changed = false;
  };
  set(0);
  if (afterMs !== undefined) setTimeout(restore, afterMs).unref();
  const usual = (compile) => {
    if (!changed) return compile();
    set(1);
    try {
      return compile();
    } finally {
      set(0);
    }
  };
  return { restore, usual };
}

/** The bundle is all ASCII (scripts/bundle.mjs sees to it): read as Latin-1, it needs no UTF-8 decoding. */
function sourceOf(file) {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

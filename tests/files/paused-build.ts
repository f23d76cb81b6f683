// A child process that runs the real `newsletter` command and stops dead at one file-system call,
// so the test can kill it there with SIGKILL, as a power cut or `kill -9` would.
//   PAUSE_AT=<fs/promises function>:<regex on its arguments>  node --import tsx paused-build.ts <args…>
// It prints "paused" when it gets there and then waits forever. No production code has a hook:
// the built-in module's function is replaced and its ES module bindings re-synced.
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const fsp = require('node:fs/promises') as Record<string, (...args: unknown[]) => Promise<unknown>>;
const [fn, pattern] = (process.env.PAUSE_AT ?? '').split(/:(.*)/s) as [string, string];
const match = new RegExp(pattern);
const original = fsp[fn]!;
fsp[fn] = (...args: unknown[]) => {
  if (!match.test(args.map(String).join(' '))) return original(...args);
  process.stdout.write('paused\n');
  return new Promise(() => setInterval(() => undefined, 60_000)); // never settles: the test kills us here
};
syncBuiltinESMExports();

const { main } = await import('../../src/cli/main.js');
const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`), tty: false };
process.exitCode = await main(process.argv.slice(2), io, process.cwd());

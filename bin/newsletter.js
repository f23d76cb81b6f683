#!/usr/bin/env node
// The compiled CLI lives in lib/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that goes away (`newsletter help | head -1`) is not a failure: end quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

const entry = new URL('../lib/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('newsletter: the tool is not built yet. Run `npm install` (or `npm run build:ts`) in the project folder first.\n');
  process.exit(2);
}
// Settings may sit in a .env file in the project folder; the environment wins over it.
if (existsSync('.env')) process.loadEnvFile('.env');
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

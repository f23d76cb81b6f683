// `newsletter <command>`: find the command in the table, parse its words, run it, and turn
// failures into messages and exit codes. Loads nothing heavy itself: each command imports
// what it needs when it runs, so `--help` and `--version` answer at once.
import { readFileSync } from 'node:fs';
import { closest } from '../content/errors.js';
import { parseCommandArgs } from './args.js';
import type { Command, Started } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, reportError } from './errors.js';
import { commandHelp, overview } from './help.js';
import { type Io, processIo, UsageError } from './io.js';
import { terminalSafeIo } from './terminal-safe.js';

export async function main(
  argv: string[],
  io: Io = processIo,
  root = process.cwd(),
  env = process.env,
  now: () => Date = () => new Date(),
  /** What bin/newsletter.cjs started already (see Started). */
  started: Started = {},
): Promise<number> {
  // Everything printed passes through terminal-safe.ts: outside text never drives the terminal.
  io = terminalSafeIo(io);
  try {
    const [word, ...rest] = argv;
    if (word === undefined) {
      io.err(overview(COMMANDS));
      return EXIT.wrong;
    }
    if (word === '--help' || word === '-h') return (io.out(overview(COMMANDS)), EXIT.ok);
    if (word === '--version' || word === '-V') return (io.out(version()), EXIT.ok);
    if (word === 'help') return (io.out(rest[0] === undefined ? overview(COMMANDS) : commandHelp(findCommand(rest[0]))), EXIT.ok);
    const command = findCommand(word);
    const args = parseCommandArgs(command, rest, COMMANDS);
    if (args.help) return (io.out(commandHelp(command)), EXIT.ok);
    return await command.run({ root, io, env, now, positionals: args.positionals, options: args.options, started });
  } catch (e) {
    return reportError(e, io);
  }
}

function findCommand(word: string): Command {
  const command = COMMANDS.find((c) => c.name === word);
  if (command) return command;
  if (word.startsWith('-'))
    throw new UsageError(
      `put the command first, then its options — e.g. \`newsletter check 2022-04 --json\``,
      'run `newsletter help` to see the commands',
    );
  const guess = closest(word, [...COMMANDS.map((c) => c.name), 'help']);
  throw new UsageError(
    `"${word}" is not a command${guess ? ` — did you mean \`newsletter ${guess}\`?` : ''}`,
    'run `newsletter help` to see the commands',
  );
}

/** The version in package.json, two folders up from this file in both src/ and lib/. */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

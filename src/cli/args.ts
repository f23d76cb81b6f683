// The words after a command: its options (only its own), the rest as positionals. `--help`
// anywhere before `--` wins over everything else, so that asking for help never does anything.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../content/errors.js';
import type { Command } from './command.js';
import { UsageError } from './io.js';

export type CommandArgs = { help: true } | { help: false; positionals: string[]; options: Record<string, string | boolean | undefined> };

export function parseCommandArgs(command: Command, args: string[], commands: readonly Command[]): CommandArgs {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options))
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}) };
  const seeHelp = `run \`newsletter ${command.name} --help\` to see its options`;

  // First loosely, to find --help and options that belong elsewhere before complaining about anything.
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const given = tokens.filter((t) => t.kind === 'option');
  if (given.some((t) => t.name === 'help')) return { help: true };
  for (const t of given) {
    if (t.name in command.options) continue;
    const owners = commands.filter((c) => t.name in c.options || Object.values(c.options).some((o) => o.short === t.name));
    if (owners.length > 0) {
      const names = owners.map((c) => `\`${c.name}\``);
      throw new UsageError(
        `${command.name} does not take ${t.rawName} — only ${listed(names)} ${owners.length === 1 ? 'takes' : 'take'} it`,
        seeHelp,
      );
    }
    const guess = closest(t.name, Object.keys(command.options));
    throw new UsageError(`${command.name} has no option ${t.rawName}${guess ? ` — did you mean --${guess}?` : ''}`, seeHelp);
  }

  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    // No option is `multiple`, so each value is one string or boolean.
    return { help: false, positionals, options: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    // e.g. "Option '--port <value>' argument missing": keep Node's words, drop its advice about `--`.
    throw new UsageError(`${command.name}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`, seeHelp);
  }
}

/** "`a`", "`a` and `b`", "`a`, `b` and `c`". */
function listed(names: string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

// Help text, made from the table of commands so that it cannot drift from what the commands take.
import type { Command, OptionSpec } from './command.js';

const EXIT_CODES = 'Exit codes: 0 success, 1 the content or request is wrong, 2 the tool or a service failed.';

/** `newsletter help`: every command with its summary. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'help'.length) + 2;
  return [
    "newsletter — compose, check, preview and send the Panel's newsletter",
    '',
    'Usage: newsletter <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}this overview, or \`newsletter help <command>\` for one command`,
    '',
    'Options:',
    "  -h, --help      show help (after a command: that command's help)",
    '  -V, --version   print the version',
    '',
    "Run `newsletter <command> --help` to see a command's options and an example.",
    EXIT_CODES,
  ].join('\n');
}

/** `newsletter <command> --help`: its usage, options and examples. */
export function commandHelp(command: Command): string {
  const options: [string, string][] = Object.entries(command.options).map(([name, spec]) => [optionLabel(name, spec), spec.description]);
  options.push(['-h, --help', 'show this help and do nothing else']);
  const width = Math.max(...options.map(([label]) => label.length)) + 2;
  return [
    `newsletter ${command.name} — ${command.summary}`,
    '',
    'Usage:',
    ...command.usage.map((u) => `  newsletter ${u}`),
    '',
    'Options:',
    ...options.map(([label, description]) => `  ${label.padEnd(width)}${description}`),
    '',
    command.example.length === 1 ? 'Example:' : 'Examples:',
    ...command.example.map((e) => `  ${e}`),
    '',
    EXIT_CODES,
  ].join('\n');
}

function optionLabel(name: string, spec: OptionSpec): string {
  const long = `--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : long;
}

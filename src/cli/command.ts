// What a command is: its name, a one-line summary, its options, its help and how to run it.
// The table of commands (commands/index.ts) lists them; main.ts parses the words against it.
// A command's definition must stay light: `run` imports the modules that do the work, so that
// `--help`, `--version` and every other command do not pay for loading them.
import type { StartedHelper } from '../check/helper-thread.js';
import type { SpamAssassin } from '../check/context.js';
import type { Io } from './io.js';

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** One letter, e.g. 'p' for -p. */
  short?: string;
  /** For a string option, the value as help shows it: `--port <number>`. */
  value?: string;
  /** What it does, in a few words. */
  description: string;
}

export interface CommandContext {
  /** The project folder (where content/ and templates/ are). */
  root: string;
  io: Io;
  env: NodeJS.ProcessEnv;
  /** The clock: checks judge send times by it (tests pass a fixed one). */
  now: () => Date;
  /** The words after the command that are not options, e.g. issue ids. */
  positionals: string[];
  /** The options given, by name; only the command's own options can appear here. */
  options: Record<string, string | boolean | undefined>;
  /** What bin/newsletter.cjs started before the code loaded, for the command to take over. */
  started?: Started;
}

/**
 * Slow things bin/newsletter.cjs starts before it loads the code, for `check <id>`: SpamAssassin, and
 * the check's helper thread (src/check/helper-thread.ts) with what it was started with, when the
 * project has no text notes yet.
 */
export interface Started {
  spamAssassin?: Promise<SpamAssassin | undefined>;
  helper?: StartedHelper;
}

export interface Command {
  name: string;
  /** One line, as `newsletter help` lists it. */
  summary: string;
  /** How it is called, one line per form, without the leading `newsletter`. */
  usage: string[];
  options: Record<string, OptionSpec>;
  /** One or more example command lines, each with a short comment. */
  example: string[];
  /** Returns the exit code; throws a NewsletterError for anything the person must fix. */
  run(context: CommandContext): Promise<number>;
}

/** A string option's value, or undefined when not given. */
export function text(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(context: CommandContext, name: string): boolean {
  return context.options[name] === true;
}

// Where the CLI writes. Only cli/ writes to the terminal; tests pass their own streams.
import { NewsletterError } from '../errors.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard output is a terminal. */
  tty: boolean;
  /** Colour is welcome: a terminal, and NO_COLOR not set (https://no-color.org). */
  color?: boolean;
}

export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  tty: Boolean(process.stdout.isTTY),
  color: wantsColor(process.stdout, process.env),
};

/** A request the tool cannot act on: wrong arguments, unknown command, and the like (exit 1). */
export class UsageError extends NewsletterError {
  constructor(message: string, hint?: string) {
    super('usage', message, { hint });
    this.name = 'UsageError';
  }
}

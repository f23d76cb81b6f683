// Where the CLI writes. Only cli/ writes to the terminal; tests pass their own streams.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colour and symbols only on a terminal. */
  tty: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  tty: Boolean(process.stdout.isTTY),
};

/** A request the tool cannot act on: wrong arguments, unknown issue, and the like (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

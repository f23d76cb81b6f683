// An Io that keeps what the CLI writes, for tests that run `main` in-process.
import type { Io } from '../../src/cli/io.js';

export function captured(color = false): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    tty: color,
    color,
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
  };
  return io;
}

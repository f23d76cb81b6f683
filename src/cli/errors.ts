// Map what went wrong to what a person reads and the exit code:
// 1 — the content or the request is wrong (clear message, no stack trace); 2 — the tool or a service failed.
import { ContentInvalid, formatContentError } from '../content/errors.js';
import { NotAProject, UnknownIssue } from '../pipeline.js';
import { TemplateError } from '../render/templates.js';
import { type Io, UsageError } from './io.js';

export const EXIT = { ok: 0, wrong: 1, failed: 2 } as const;

export function reportError(e: unknown, io: Io): number {
  if (e instanceof ContentInvalid) {
    const n = e.errors.length;
    io.err(`The content has ${n} problem${n === 1 ? '' : 's'}:\n${e.errors.map((x) => `  ${formatContentError(x)}`).join('\n')}`);
    return EXIT.wrong;
  }
  if (e instanceof TemplateError) {
    io.err(`A template cannot be used:\n  ${e.message}`);
    return EXIT.wrong;
  }
  if (e instanceof UsageError || e instanceof UnknownIssue || e instanceof NotAProject) {
    io.err(`newsletter: ${e.message}`);
    return EXIT.wrong;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`newsletter: the tool failed: ${message}`);
  if (process.env.NEWSLETTER_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  else io.err('(set NEWSLETTER_DEBUG=1 to see the details)');
  return EXIT.failed;
}

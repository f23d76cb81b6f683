// Map what went wrong to what a person reads and the exit code:
// 1 — the content or the request is wrong (clear message, no stack trace); 2 — the tool or a service failed.
// Every error raised on purpose is a NewsletterError (src/errors.ts); anything else is a failure of the tool.
import { ContentInvalid, formatContentError } from '../content/errors.js';
import { ERRORS, EXIT, NewsletterError } from '../errors.js';
import type { Io } from './io.js';

export { EXIT };

export function reportError(e: unknown, io: Io): number {
  if (e instanceof ContentInvalid) {
    const n = e.errors.length;
    io.err(`The content has ${n} problem${n === 1 ? '' : 's'}:\n${e.errors.map((x) => `  ${formatContentError(x)}`).join('\n')}`);
    return e.exit;
  }
  if (e instanceof NewsletterError) {
    io.err(e.code === 'template-invalid' ? `A template cannot be used:\n  ${e.message}` : `newsletter: ${e.message}`);
    // The catalogue's general hint is for the README; a hint given for this very case is printed.
    if (e.hint !== ERRORS[e.code].hint) io.err(`  ${e.hint}`);
    return e.exit;
  }
  const message = e instanceof Error ? e.message : String(e);
  io.err(`newsletter: the tool failed: ${message}`);
  if (process.env.NEWSLETTER_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  else io.err('(set NEWSLETTER_DEBUG=1 to see the details)');
  return EXIT.failed;
}

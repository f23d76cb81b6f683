// `newsletter daemon`: build the daemon from the environment, run it until SIGTERM or SIGINT, then
// stop within 5 s — the step in hand finishes, or is abandoned with its lease left to run out
// (whoever takes it over reads Mailchimp first) — and exit 0.
import { smtpTransport } from '../../distribute/smtp.js';
import { NewsletterError } from '../../errors.js';
import { MailchimpClient, mailchimpConfigFromEnv } from '../../mailchimp/index.js';
import { projectPaths } from '../../pipeline.js';
import { leaseOwner } from '../../scheduler/clock.js';
import { schedulerConfigFromEnv } from '../../scheduler/config.js';
import { Daemon } from '../../scheduler/daemon.js';
import { createLogger } from '../../scheduler/log.js';
import { reminderRecipients } from '../../scheduler/reminders.js';
import type { Io } from '../io.js';
import { openStateStore } from '../store.js';

export interface DaemonArgs {
  root: string;
  env: NodeJS.ProcessEnv;
  io: Io;
  healthPort?: number;
  /** The command's clock. */
  clock: () => Date;
  /** Resolves when the daemon should stop; by default on SIGTERM or SIGINT. */
  until?: Promise<unknown>;
}

/** Finish or abandon the step in hand within this, leaving a second for the rest of the exit. */
const STOP_GRACE_MS = 4000;

export async function runDaemon(args: DaemonArgs): Promise<number> {
  const { env, io } = args;
  // Everything that can be wrong in the settings is found now, not at 8 in the morning.
  const config = schedulerConfigFromEnv(env);
  const mailchimp = mailchimpConfigFromEnv(env);
  if (config.remindersTo.length > 0) {
    reminderRecipients(config.remindersTo, env.PROOF_ALLOWLIST);
    if (!env.SMTP_URL?.trim())
      throw new NewsletterError('smtp-config', 'REMINDERS_TO is set but SMTP_URL is not, so reminders cannot be sent');
  }
  const { clock } = args;
  const log = createLogger((line) => io.out(line), { tty: io.tty, clock });
  const store = openStateStore(args.root, env, clock);
  let client: MailchimpClient | undefined;
  const daemon = new Daemon({
    store,
    paths: projectPaths(args.root),
    clock,
    owner: leaseOwner(),
    actor: 'daemon',
    config,
    mailchimp: () => (client ??= MailchimpClient.fromConfig(mailchimp, { log: (line) => log.warn('mailchimp.retry', line) })),
    transport: () => smtpTransport(env.SMTP_URL!.trim()),
    log,
    env,
  });
  const until =
    args.until ??
    new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
  try {
    await daemon.start({ healthPort: args.healthPort });
    const signal = await until;
    log.info('daemon.stopping', `${String(signal)}: stopping`, { signal: String(signal) });
    const how = await daemon.stop(STOP_GRACE_MS);
    store.close();
    // A request abandoned in flight would hold the process open until its own timeout.
    if (how === 'abandoned' && !args.until) process.exit(0);
    return 0;
  } catch (e) {
    store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new NewsletterError('usage', `--health-port ${args.healthPort}: the port is in use; choose another, or 0 for any free port`);
    throw e;
  }
}

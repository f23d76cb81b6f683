// The daemon's settings, from the environment: how late a due send may still go, how long a lease
// lasts, when and to whom reminders go. Each wrong value is named with what would be right.
import { NewsletterError } from '../errors.js';
import { parseDuration as parseUkDuration } from '../time/uk.js';

export interface SchedulerConfig {
  /** A due send later than this is held for a person (NEWSLETTER_GRACE, default 30 min). */
  graceMs: number;
  /** How long a claim stands before another daemon may take it over (NEWSLETTER_LEASE, default 5 min). */
  leaseMs: number;
  /** Reminder time, UK wall clock, minutes after midnight (NEWSLETTER_REMINDER_TIME, default 08:00). */
  reminderAt: number;
  /** Drafts due within this many days are in the reminder (NEWSLETTER_REMINDER_DAYS, default 7). */
  reminderDays: number;
  /** REMINDERS_TO: who gets reminders; each must be in PROOF_ALLOWLIST. Empty: no reminders. */
  remindersTo: string[];
  /** A daemon counts as alive while its heartbeat is younger than this. */
  aliveMs: number;
}

export const DEFAULTS = { graceMs: 30 * 60_000, leaseMs: 5 * 60_000, reminderAt: 8 * 60, reminderDays: 7, aliveMs: 3 * 60_000 };

/** "30m", "45 min", "2h", "90s", or a bare number of minutes: the one duration grammar of time/uk.ts, in ms. */
export function parseDuration(value: string, name: string): number {
  const ms = parseUkDuration(value, 'm');
  if (ms === undefined) throw configError(name, value, 'a duration such as 30m, 45 min, 2h or 90s');
  return ms;
}

export function schedulerConfigFromEnv(env: NodeJS.ProcessEnv): SchedulerConfig {
  const time = env.NEWSLETTER_REMINDER_TIME?.trim() || '08:00';
  const hm = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!hm) throw configError('NEWSLETTER_REMINDER_TIME', time, 'a UK time such as 08:00');
  const days = env.NEWSLETTER_REMINDER_DAYS?.trim() || String(DEFAULTS.reminderDays);
  if (!/^\d{1,3}$/.test(days)) throw configError('NEWSLETTER_REMINDER_DAYS', days, 'a whole number of days such as 7');
  return {
    graceMs: env.NEWSLETTER_GRACE?.trim() ? parseDuration(env.NEWSLETTER_GRACE, 'NEWSLETTER_GRACE') : DEFAULTS.graceMs,
    leaseMs: env.NEWSLETTER_LEASE?.trim() ? parseDuration(env.NEWSLETTER_LEASE, 'NEWSLETTER_LEASE') : DEFAULTS.leaseMs,
    reminderAt: Number(hm[1]) * 60 + Number(hm[2]),
    reminderDays: Number(days),
    remindersTo: (env.REMINDERS_TO ?? '')
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    aliveMs: DEFAULTS.aliveMs,
  };
}

function configError(name: string, value: string, wanted: string): NewsletterError {
  return new NewsletterError('scheduler-config', `${name} is "${value}", which is not ${wanted}`);
}

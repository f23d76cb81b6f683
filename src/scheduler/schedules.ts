// The daemon's cron expressions, each evaluated in Europe/London. node-cron is only the ticker:
// what is due lives in the store, so a missed or doubled tick (a restart, a clock change) costs
// nothing. The daily reminder has no expression of its own — a daily one would fire twice or not
// at all on the clock-change Sundays for times between 01:00 and 02:00 — the minute tick sends
// it once the UK time has passed the reminder time and the store says it has not gone that day.
export { TIME_ZONE } from '../time/uk.js';

export const SCHEDULES = {
  /** Due sends, the daily reminder, the heartbeat. */
  tick: '* * * * *',
  /** Reconcile scheduled and sending issues with Mailchimp. */
  reconcile: '*/5 * * * *',
  /** Read Mailchimp's report on sent issues when a reading is due. */
  reports: '*/5 * * * *',
} as const;

export const REMINDER_JOB = 'reminder';

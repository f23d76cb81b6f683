// The scheduler daemon. node-cron ticks (every minute: due sends, the daily reminder, the
// heartbeat; every five: reconcile), each job with noOverlap and evaluated in Europe/London; the
// store decides what is due and who does it. `tick` and `reconcile` are plain async methods, so
// tests call them with an injected clock instead of waiting for node-cron.
import cron, { type ScheduledTask } from 'node-cron';
import { ownerIsDead, ukDay, ukMinuteOfDay } from './clock.js';
import type { SchedulerContext } from './context.js';
import { fireClaimed, type FireResult } from './due-send.js';
import { auditLogHealth, type Health, startHealth } from './health.js';
import { reconcileAll, type ReconcileOutcome } from './reconcile.js';
import { type ReadingResult, ReportReader } from './due-readings.js';
import { sendReminder } from './reminders.js';
import { REMINDER_JOB, SCHEDULES, TIME_ZONE } from './schedules.js';

type Job = 'tick' | 'reconcile' | 'reports';

export type DaemonDeps = Omit<SchedulerContext, 'stopping'> & { env: NodeJS.ProcessEnv };

export interface TickReport {
  dueSends: Map<string, FireResult>;
  reminder?: string;
}

/** How long a failed reminder waits before the next tick tries it again. */
const REMINDER_RETRY_MS = 15 * 60_000;

export class Daemon {
  readonly ctx: SchedulerContext;
  private stopRequested = false;
  private readonly running = new Map<string, Promise<unknown>>();
  private tasks: ScheduledTask[] = [];
  private health?: { port: number; close(): Promise<void> };
  private readonly reportReader = new ReportReader();
  private startedAt?: Date;
  lastTick?: Date;
  lastReconcile?: Date;

  constructor(private readonly deps: DaemonDeps) {
    this.ctx = { ...deps, stopping: () => this.stopRequested };
  }

  /** Every minute: fire what is due (and take over dead claims), then the day's reminder if due. */
  async tick(): Promise<TickReport> {
    const { store, owner, config, log, clock } = this.ctx;
    const report: TickReport = { dueSends: new Map() };
    store.heartbeats.beat(owner);
    for (const due of store.dueSends.candidates()) {
      if (this.stopRequested) break;
      const leaseLive = due.state === 'claimed' && due.leaseUntil !== null && due.leaseUntil > clock();
      const dead = leaseLive && due.leaseOwner && ownerIsDead(due.leaseOwner) ? due.leaseOwner : undefined;
      if (leaseLive && !dead) continue;
      if (!store.dueSends.claim(due.issue, owner, config.leaseMs, { deadOwner: dead })) continue;
      if (due.state === 'claimed')
        log.warn(
          'due-send.takeover',
          `${due.issue}: took over the claim of ${due.leaseOwner ?? '?'} (${dead ? 'process gone' : 'lease ran out'})`,
          {
            issue: due.issue,
            from: due.leaseOwner,
          },
        );
      try {
        report.dueSends.set(due.issue, await fireClaimed(this.ctx, due.issue));
      } catch (e) {
        // Left claimed: when the lease runs out the next tick reads Mailchimp and carries on.
        log.error('due-send.failed', `${due.issue}: ${e instanceof Error ? e.message : String(e)}`, { issue: due.issue });
      }
    }
    if (!this.stopRequested) report.reminder = await this.reminderIfDue();
    this.lastTick = clock();
    store.heartbeats.beat(owner, 'tick');
    return report;
  }

  /** Every few minutes: follow Mailchimp for scheduled and sending issues. */
  async reconcile(): Promise<Map<string, ReconcileOutcome>> {
    const results = await reconcileAll(this.ctx);
    this.lastReconcile = this.ctx.clock();
    this.ctx.store.heartbeats.beat(this.ctx.owner, 'reconcile');
    return results;
  }

  /** Every few minutes: read Mailchimp's report on sent issues at about +1 h, +24 h and +7 days (report/). */
  readReports(): Promise<Map<string, ReadingResult>> {
    return this.reportReader.readDue(this.ctx);
  }

  /** Once per UK calendar day, the first tick at or after the reminder time sends the reminder. */
  async reminderIfDue(): Promise<string | undefined> {
    const { store, owner, config, log, clock } = this.ctx;
    const now = clock();
    if (ukMinuteOfDay(now) < config.reminderAt) return undefined;
    const day = ukDay(now);
    if (store.dailyJobs.done(REMINDER_JOB, day)) return undefined;
    if (!store.dailyJobs.claim(REMINDER_JOB, day, owner, config.leaseMs)) return undefined;
    try {
      const outcome = await sendReminder(this.ctx, this.deps.env, day);
      store.dailyJobs.complete(REMINDER_JOB, day, owner, outcome);
      log.info('reminder.' + outcome, `reminder for ${day}: ${outcome}`, { day, to: config.remindersTo.join(', ') });
      return outcome;
    } catch (e) {
      store.dailyJobs.retryLater(REMINDER_JOB, day, owner, REMINDER_RETRY_MS, e instanceof Error ? e.message : String(e));
      log.error('reminder.failed', `reminder for ${day} not sent: ${e instanceof Error ? e.message : String(e)}; trying again in 15 min`, {
        day,
      });
      return 'failed';
    }
  }

  /** What GET /healthz answers. */
  healthReport(): Health {
    const { store, clock, config, owner } = this.ctx;
    const now = clock();
    const since = (d?: Date) => (d ? Math.round((now.getTime() - d.getTime()) / 1000) : null);
    const lastBeat = this.lastTick ?? this.startedAt;
    return {
      ok: !this.stopRequested && lastBeat !== undefined && now.getTime() - lastBeat.getTime() < config.aliveMs,
      owner,
      now: now.toISOString(),
      startedAt: this.startedAt?.toISOString() ?? null,
      lastTick: this.lastTick?.toISOString() ?? null,
      secondsSinceTick: since(this.lastTick),
      lastReconcile: this.lastReconcile?.toISOString() ?? null,
      pending: store.dueSends.open().map((d) => ({ issue: d.issue, dueAt: d.dueAt.toISOString(), state: d.state })),
      needsAttention: [...store.statuses.all()].filter(([, s]) => s === 'needs-attention').map(([id]) => id),
      auditLog: auditLogHealth(store.audit.verify()),
    };
  }

  /** Start ticking (node-cron), and the health endpoint when a port is given. Runs a first tick and reconcile at once. */
  async start(options: { healthPort?: number } = {}): Promise<{ healthPort?: number }> {
    const { store, owner, log, clock } = this.ctx;
    this.startedAt = clock();
    store.heartbeats.start(owner);
    if (options.healthPort !== undefined) this.health = await startHealth(options.healthPort, () => this.healthReport());
    const every = (name: Job, expression: string) =>
      cron.schedule(expression, () => this.run(name), { timezone: TIME_ZONE, noOverlap: true, name: `newsletter-${name}` });
    this.tasks = [every('tick', SCHEDULES.tick), every('reconcile', SCHEDULES.reconcile), every('reports', SCHEDULES.reports)];
    log.info('daemon.started', `daemon ${owner} started`, { owner, healthPort: this.health?.port });
    void this.run('reconcile')
      .then(() => this.run('tick'))
      .then(() => log.info('daemon.ready', 'first reconcile and tick done', { owner }));
    return { healthPort: this.health?.port };
  }

  /** Run one job unless it is already running or the daemon is stopping; errors are logged, never thrown. */
  run(name: Job): Promise<unknown> {
    if (this.stopRequested || this.running.has(name)) return Promise.resolve();
    const work = { tick: () => this.tick(), reconcile: () => this.reconcile(), reports: () => this.readReports() }[name];
    const job = work()
      .catch((e: unknown) => this.ctx.log.error(`${name}.failed`, `${name} failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => this.running.delete(name));
    this.running.set(name, job);
    return job;
  }

  /**
   * Stop: start nothing new, let the step in hand finish within `graceMs`, else abandon it — its
   * lease stays in the store and runs out, and whoever takes it reads Mailchimp before acting.
   */
  async stop(graceMs = 4000): Promise<'finished' | 'abandoned'> {
    this.stopRequested = true;
    for (const task of this.tasks) await task.destroy();
    this.tasks = [];
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running.values()]).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    this.ctx.store.heartbeats.stop(this.ctx.owner);
    await this.health?.close();
    const how = finished ? 'finished' : 'abandoned';
    this.ctx.log.info(
      'daemon.stopped',
      `daemon stopped (${how === 'finished' ? 'work in hand finished' : 'work in hand abandoned safely'})`,
      {
        owner: this.ctx.owner,
      },
    );
    return how;
  }
}

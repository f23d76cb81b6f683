// Europe/London's clock changes, March and October 2025 and 2026. node-cron's own match() shows
// what a daily expression does on those Sundays (01:30 is skipped, or happens twice); the
// daemon's minute tick matches every minute, and its per-day guard in the store sends the
// reminder exactly once on every UK day — also for reminder times inside the changing hour.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPaths } from '../../src/pipeline.js';
import { ukDay } from '../../src/scheduler/clock.js';
import { DEFAULTS } from '../../src/scheduler/config.js';
import { Daemon } from '../../src/scheduler/daemon.js';
import { memoryLogger } from '../../src/scheduler/log.js';
import { SCHEDULES, TIME_ZONE } from '../../src/scheduler/schedules.js';
import { openStore } from '../../src/state/store.js';
import { TestClock } from './harness.js';

const CHANGES = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'];
const MINUTE = 60_000;

/** Every UTC minute from UK midnight the day before the change to UK midnight the day after it. */
function* minutesAround(day: string): Generator<Date> {
  const midnight = DateTime.fromISO(day, { zone: TIME_ZONE });
  const start = midnight.minus({ days: 1 }).toMillis();
  const end = midnight.plus({ days: 2 }).toMillis();
  for (let ms = start; ms < end; ms += MINUTE) yield new Date(ms);
}

const perUkDay = (dates: Date[]) => {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(ukDay(d), (counts.get(ukDay(d)) ?? 0) + 1);
  return counts;
};

const task = (expression: string) => cron.createTask(expression, () => undefined, { timezone: TIME_ZONE });

describe('node-cron in Europe/London across the clock changes', () => {
  for (const day of CHANGES) {
    it(`${day}: the minute tick matches every minute; a daily "30 1" expression alone would not be once a day`, () => {
      const minutes = [...minutesAround(day)];
      expect(minutes.filter((d) => task(SCHEDULES.tick).match(d))).toHaveLength(minutes.length);
      const reconcile = minutes.filter((d) => task(SCHEDULES.reconcile).match(d));
      expect(reconcile.every((d) => d.getUTCMinutes() % 5 === 0)).toBe(true);
      expect(reconcile).toHaveLength(Math.ceil(minutes.length / 5));
      // Why the daily job is not a cron expression: 01:30 does not exist in March and happens twice in October.
      const naive = perUkDay(minutes.filter((d) => task('30 1 * * *').match(d))).get(day) ?? 0;
      expect(naive).toBe(day.slice(5, 7) === '03' ? 0 : 2);
      // 08:00 is outside the changing hour: once a day even as an expression.
      expect(perUkDay(minutes.filter((d) => task('0 8 * * *').match(d))).get(day)).toBe(1);
    });
  }
});

describe('the reminder is sent once per UK day, whatever the clocks do', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'newsletter-clock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  for (const day of CHANGES)
    for (const at of ['01:30', '02:00', '08:00', '00:00', '23:59'])
      it(`${day}, reminder time ${at}`, async () => {
        const clock = new TestClock(new Date(`${day}T00:00:00Z`));
        const store = openStore(path.join(dir, `${day}-${at.replace(':', '')}.db`), clock.now);
        const [h, m] = at.split(':').map(Number) as [number, number];
        const log = memoryLogger(clock.now);
        const daemon = new Daemon({
          store,
          paths: projectPaths(dir),
          clock: clock.now,
          owner: 'test:1:a',
          actor: 'daemon',
          config: { ...DEFAULTS, reminderAt: h * 60 + m, remindersTo: [] },
          mailchimp: () => {
            throw new Error('not used');
          },
          transport: () => {
            throw new Error('not used');
          },
          log,
          env: {},
        });
        const tick = task(SCHEDULES.tick);
        const sentOn: Date[] = [];
        try {
          for (const minute of minutesAround(day)) {
            if (!tick.match(minute)) continue;
            clock.set(minute);
            if ((await daemon.reminderIfDue()) !== undefined) sentOn.push(minute);
          }
        } finally {
          store.close();
        }
        const days = perUkDay(sentOn);
        // The day before, the day of the change, the day after: once each, never twice, never zero.
        expect([...days.values()]).toEqual([1, 1, 1]);
        expect(days.has(day)).toBe(true);
        // On the day itself it goes at the first minute at or after the reminder time on the UK clock.
        const onDay = sentOn.find((d) => ukDay(d) === day)!;
        const local = new Intl.DateTimeFormat('en-GB', {
          timeZone: TIME_ZONE,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(onDay);
        if (at === '01:30' && day.slice(5, 7) === '03')
          expect(local).toBe('02:00'); // 01:30 does not exist: the first minute after
        else expect(local).toBe(at);
      });
});

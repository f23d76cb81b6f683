// UK conventions: "18 April 2022", "Monday 18 April 2022", times in Europe/London (BST/GMT).
// Clock changes are Luxon's (the IANA time-zone data), not arithmetic of our own: a time in the
// spring-forward gap does not exist, and one in October's repeated hour happens twice, so both
// are refused until the author says which they mean.
import { DateTime } from 'luxon';
import { NewsletterError } from '../errors.js';
import { londonZone } from './london.js';

export { TIME_ZONE } from './london.js';

/** A London wall-clock time as content and commands write it: "2022-04-05 09:00", or "2025-10-26 01:30 BST". */
export const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?: (BST|GMT))?$/;

const ZONE_NAME: Record<number, 'BST' | 'GMT'> = { 0: 'GMT', 60: 'BST' };

/**
 * Luxon's own English: the month and day names UK dates use, and numbers as written, without
 * loading ICU's date formatting (en-GB would: Luxon asks ICU what it means).
 */
const LOCALE = 'en';
const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC', locale: LOCALE });
/** An instant on the London wall clock. */
const inLondon = (at: Date) =>
  at instanceof Date && !Number.isNaN(at.getTime())
    ? DateTime.fromMillis(at.getTime(), { zone: londonZone(), locale: LOCALE })
    : DateTime.invalid('not a date'); // as DateTime.fromJSDate answers one

/** "2022-04-18" → "18 April 2022" */
export function ukDate(iso: string): string {
  return day(iso).toFormat('d MMMM yyyy');
}

/** The UK calendar day of an instant: 2022-04-05T23:30Z → "6 April 2022" (BST). */
export function ukDayOf(at: Date): string {
  return inLondon(at).toFormat('d MMMM yyyy');
}

/** "2022-04-18" → "Monday 18 April 2022" */
export function ukDateWithDay(iso: string): string {
  return day(iso).toFormat('cccc d MMMM yyyy');
}

/** The instant a London wall-clock time names, or why it names none (or two). */
export function readLondonTime(local: string): { instant: DateTime; problem?: undefined } | { instant?: undefined; problem: string } {
  const m = LOCAL_TIME.exec(local);
  if (!m) return { problem: `"${local}" is not a time — write it as "YYYY-MM-DD HH:MM" in UK time, e.g. "2022-04-05 09:00"` };
  const [year, month, dayOfMonth, hour, minute] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const said = m[6] as 'BST' | 'GMT' | undefined;
  const wall = { year, month, day: dayOfMonth, hour, minute };
  const at = DateTime.fromObject(wall, { zone: londonZone(), locale: LOCALE });
  if (!at.isValid || hour > 23 || minute > 59)
    return { problem: `"${local}" is not a real date and time — check the date, and a time from 00:00 to 23:59` };
  const date = local.slice(0, 10);
  const clock = local.slice(11, 16);
  if (at.hour !== hour || at.minute !== minute) {
    const [before, after] = [nearestExisting(wall, -1), nearestExisting(wall, +1)];
    return {
      problem: `"${local}" does not exist in the UK: the clocks go forward an hour that night, so ${clock} is skipped — the nearest times that exist are "${before}" (GMT) and "${after}" (BST)`,
    };
  }
  const possible = at.getPossibleOffsets();
  if (possible.length > 1) {
    const chosen = possible.find((p) => ZONE_NAME[p.offset] === said);
    if (chosen) return { instant: chosen };
    return {
      problem: `"${local}" happens twice in the UK: the clocks go back an hour that night — write "${date} ${clock} BST" for the first ${clock}, or "${date} ${clock} GMT" for the second, an hour later`,
    };
  }
  if (said && ZONE_NAME[at.offset] !== said)
    return { problem: `"${local}": on ${ukDate(date)} UK time is ${ZONE_NAME[at.offset]}, not ${said} — write "${date} ${clock}"` };
  return { instant: at };
}

/** The closest wall-clock time that exists, stepping a minute at a time away from one in the gap. */
function nearestExisting(wall: { year: number; month: number; day: number; hour: number; minute: number }, step: 1 | -1): string {
  let t = DateTime.fromObject(wall, { zone: 'UTC', locale: LOCALE });
  for (let i = 0; i < 24 * 60; i++) {
    // Not t.plus(): its Duration would take the system's locale, which asks ICU.
    t = DateTime.fromMillis(t.toMillis() + step * 60_000, { zone: 'UTC', locale: LOCALE });
    const local = DateTime.fromObject(
      { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute },
      { zone: londonZone(), locale: LOCALE },
    );
    if (local.hour === t.hour && local.minute === t.minute) return t.toFormat('yyyy-MM-dd HH:mm');
  }
  return t.toFormat('yyyy-MM-dd HH:mm');
}

/** The UTC instant of a wall-clock time in Europe/London, "2022-04-05 09:00" → 2022-04-05T08:00:00Z (BST). */
export function londonToUtc(local: string): Date {
  const read = readLondonTime(local);
  if (read.problem !== undefined)
    throw new NewsletterError('usage', read.problem, { hint: 'give a UK time that exists once, e.g. "2022-04-05 09:00"' });
  return read.instant.toJSDate();
}

/** A send time written as a date alone takes the newsletter's default send time: "2022-04-05" → "2022-04-05 09:00". */
export function withSendTime(sendAt: string, defaultSendTime: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(sendAt) ? `${sendAt} ${defaultSendTime}` : sendAt;
}

/** "2022-04-05 09:00" → "5 April 2022 at 9am (BST)" */
export function ukDateTime(local: string): string {
  return ukInstant(londonToUtc(local));
}

/** An instant as UK time: "5 April 2022 at 9am (BST)"; "26 October 2025 at 1:30am (GMT)" in the repeated hour. */
export function ukInstant(at: Date): string {
  const t = inLondon(at);
  const clock = t.toFormat(t.minute === 0 ? 'h' : 'h:mm') + (t.hour < 12 ? 'am' : 'pm');
  return `${t.toFormat('d MMMM yyyy')} at ${clock} (${ZONE_NAME[t.offset] ?? t.toFormat('ZZ')})`;
}

/** An instant as the London wall-clock time, "2022-04-05 09:00"; with " BST" or " GMT" in the hour that happens twice. */
export function londonLocal(at: Date): string {
  const t = inLondon(at);
  const local = t.toFormat('yyyy-MM-dd HH:mm');
  return t.getPossibleOffsets().length > 1 ? `${local} ${ZONE_NAME[t.offset]}` : local;
}

/** "2022-04-05 09:00 BST": the UK wall-clock time of an instant, always with its zone. */
export function ukClock(at: Date): string {
  const local = inLondon(at);
  return `${local.toFormat('yyyy-MM-dd HH:mm')} ${ZONE_NAME[local.offset] ?? local.toFormat('ZZ')}`;
}

/** The UK calendar day of an instant as a date, "2025-03-30". */
export function ukDay(at: Date): string {
  return inLondon(at).toFormat('yyyy-MM-dd');
}

/** Minutes since UK midnight on the UK wall clock: 09:30 BST and 09:30 GMT are both 570. */
export function ukMinuteOfDay(at: Date): number {
  const t = inLondon(at);
  return t.hour * 60 + t.minute;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "2022-04-18" plus a number of days (negative for earlier), as a calendar date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
// A unit is its first letter or its word: "7d" and "7 days" alike ("m" is minutes, never months).
const DURATION = /^(\d{1,6}(?:\.\d{1,3})?) ?(s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?|w|weeks?)?$/i;

/**
 * The one duration grammar, for share links and the daemon's settings alike: a number and a unit —
 * "90s", "30m", "45 min", "2 hours", "7d", "7 days", "2w", "2 weeks" — in milliseconds; undefined when it is not one.
 * A bare number is read in `bareUnit` when the setting has one (the daemon's minutes), else refused.
 */
export function parseDuration(text: string, bareUnit?: 's' | 'm' | 'h' | 'd'): number | undefined {
  const m = text.length <= 40 ? DURATION.exec(text.trim()) : null;
  if (!m) return undefined;
  const unit = m[2] ? m[2].toLowerCase()[0]! : bareUnit;
  if (!unit) return undefined;
  return Math.round(Number(m[1]) * DURATION_UNITS[unit]!);
}

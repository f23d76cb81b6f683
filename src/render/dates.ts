// UK conventions: "18 April 2022", "Monday 18 April 2022", times in Europe/London (BST/GMT).
export const TIME_ZONE = 'Europe/London';

const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2022-04-18" → "18 April 2022" */
export function ukDate(iso: string): string {
  return dayMonthYear.format(new Date(`${iso}T00:00:00Z`));
}

/** "2022-04-18" → "Monday 18 April 2022" */
export function ukDateWithDay(iso: string): string {
  return weekdayDate.format(new Date(`${iso}T00:00:00Z`)).replace(',', '');
}

/** The UTC instant of a wall-clock time in Europe/London, "2022-04-05 09:00" → 2022-04-05T08:00:00Z (BST). */
export function londonToUtc(local: string): Date {
  const [date, time] = local.split(' ') as [string, string];
  const asUtc = new Date(`${date}T${time}:00Z`);
  // The offset at that instant; refine once so a time beside a clock change lands right.
  let guess = new Date(asUtc.getTime() - offsetMinutes(asUtc) * 60_000);
  guess = new Date(asUtc.getTime() - offsetMinutes(guess) * 60_000);
  return guess;
}

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'shortOffset' });

/** Minutes Europe/London is ahead of UTC at an instant (0 in GMT, 60 in BST). */
export function offsetMinutes(at: Date): number {
  const parts = offsetFormat.formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** "2022-04-05 09:00" → "5 April 2022 at 9am (BST)" */
export function ukDateTime(local: string): string {
  const instant = londonToUtc(local);
  const [h, m] = local.slice(11).split(':').map(Number) as [number, number];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const clock = m === 0 ? `${hour12}${h < 12 ? 'am' : 'pm'}` : `${hour12}:${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
  return `${ukDate(local.slice(0, 10))} at ${clock} (${offsetMinutes(instant) === 60 ? 'BST' : 'GMT'})`;
}

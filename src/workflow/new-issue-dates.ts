// The dates a new issue moves on to from the one before it. Pure.
import type { Issue, Section } from '../content/schema.js';
import { addDays, MONTH_NAMES } from '../time/uk.js';

export interface NextDates {
  sendAt: string;
  subject: string;
  window: { from: string; to: string };
}

/**
 * sendAt: the same day of the month in the new issue's month (the last day if shorter), at the
 * default send time. The reviews window starts the day after the previous one ended and ends
 * the day before the new send date. The subject's "April 2022" becomes "May 2022".
 */
export function nextIssueDates(previous: Issue, id: string, defaultSendTime: string): NextDates {
  const [year, month] = id.split('-').map(Number) as [number, number];
  const day = Math.min(Number(previous.sendAt.slice(8, 10)), new Date(Date.UTC(year, month, 0)).getUTCDate());
  const sendDate = `${id}-${String(day).padStart(2, '0')}`;
  const before = previous.sections.find((s): s is Extract<Section, { type: 'published-reviews' }> => s.type === 'published-reviews');
  const from = before ? addDays(before.window.to, 1) : addDays(previous.sendAt.slice(0, 10), 0);
  const prevMonth = `${MONTH_NAMES[Number(previous.sendAt.slice(5, 7)) - 1]} ${previous.sendAt.slice(0, 4)}`;
  return {
    sendAt: `${sendDate} ${defaultSendTime}`,
    subject: previous.subject.split(prevMonth).join(`${MONTH_NAMES[month - 1]} ${year}`),
    window: { from, to: addDays(sendDate, -1) },
  };
}

export { addDays };

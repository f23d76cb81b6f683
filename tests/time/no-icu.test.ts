// UK dates and London times are worked out without ICU's date formatting (Intl.DateTimeFormat costs
// about 5 ms to load in every command): Luxon's own English, and the zone from the system's tzdata.
// A file of its own, so that no other test has loaded ICU's formatting in this module graph first.
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  londonLocal,
  readLondonTime,
  ukClock,
  ukDate,
  ukDateTime,
  ukDateWithDay,
  ukDay,
  ukDayOf,
  ukInstant,
  ukMinuteOfDay,
} from '../../src/time/uk.js';

describe('UK time without ICU', () => {
  const formats = vi.spyOn(Intl, 'DateTimeFormat');
  const numbers = vi.spyOn(Intl, 'NumberFormat');
  afterAll(() => vi.restoreAllMocks());

  it('reads and writes UK dates and London times, clock changes included, and never asks Intl', () => {
    expect(ukDate('2022-04-18')).toBe('18 April 2022');
    expect(ukDateWithDay('2022-04-18')).toBe('Monday 18 April 2022');
    expect(ukDateTime('2022-04-05 09:00')).toBe('5 April 2022 at 9am (BST)');
    expect(ukInstant(new Date('2025-10-26T01:30:00Z'))).toBe('26 October 2025 at 1:30am (GMT)');
    expect(londonLocal(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26 01:30 BST');
    expect(ukClock(new Date('2022-01-05T09:05:00Z'))).toBe('2022-01-05 09:05 GMT');
    expect(ukDayOf(new Date('2022-04-05T23:30:00Z'))).toBe('6 April 2022');
    expect(ukDay(new Date('2025-03-30T23:30:00Z'))).toBe('2025-03-31');
    expect(ukMinuteOfDay(new Date('2022-04-05T08:30:00Z'))).toBe(570);
    expect(readLondonTime('2025-03-30 01:30').problem).toMatch(/does not exist in the UK/);
    expect(readLondonTime('2025-10-26 01:30').problem).toMatch(/happens twice/);
    expect(readLondonTime('2025-10-26 01:30 GMT').instant?.toJSDate().toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(formats).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
  });
});

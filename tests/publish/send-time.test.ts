import { describe, expect, it } from 'vitest';
import { NewsletterError } from '../../src/errors.js';
import { checkSendTime, ukClock } from '../../src/publish/send-time.js';

const now = new Date('2022-04-01T12:00:00Z');

describe('checkSendTime', () => {
  it('accepts a quarter-hour in the future', () => {
    const at = new Date('2022-04-05T08:15:00Z');
    expect(checkSendTime(at, now)).toBe(at);
  });

  it('refuses a time off the quarter-hour and suggests the two nearest, in UK time', () => {
    const refusal = (() => {
      try {
        checkSendTime(new Date('2022-04-05T08:07:00Z'), now);
      } catch (e) {
        return e as NewsletterError;
      }
    })();
    expect(refusal).toBeInstanceOf(NewsletterError);
    expect(refusal?.message).toContain('2022-04-05 09:07 BST is not on a quarter-hour');
    expect(refusal?.hint).toBe('use 2022-04-05 09:00 BST or 2022-04-05 09:15 BST');
    expect(refusal?.exit).toBe(1);
  });

  it('refuses a time that has passed', () => {
    expect(() => checkSendTime(new Date('2022-03-31T09:00:00Z'), now)).toThrow(/2022-03-31 10:00 BST has passed/);
    expect(() => checkSendTime(now, now)).toThrow(/has passed/);
  });

  it('names BST and GMT either side of the clock changes', () => {
    expect(ukClock(new Date('2022-03-27T00:45:00Z'))).toBe('2022-03-27 00:45 GMT');
    expect(ukClock(new Date('2022-03-27T01:00:00Z'))).toBe('2022-03-27 02:00 BST');
    expect(ukClock(new Date('2022-10-30T00:30:00Z'))).toBe('2022-10-30 01:30 BST');
    expect(ukClock(new Date('2022-10-30T01:30:00Z'))).toBe('2022-10-30 01:30 GMT');
  });
});

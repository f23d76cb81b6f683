// UK times through the clock changes: a time in the spring-forward gap does not exist, one in
// October's repeated hour happens twice, and a date alone is sent at the newsletter's default time.
import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/errors.js';
import { parseContent } from '../../src/content/load.js';
import { NewsletterError } from '../../src/errors.js';
import { shareBanner } from '../../src/share/banner.js';
import { londonLocal, londonToUtc, readLondonTime, ukDateTime, ukInstant } from '../../src/time/uk.js';
import { sourcesWith } from '../helpers/sources.js';

const ISSUE = 'content/issues/2022-04/issue.yaml';
const SEND_AT = 'sendAt: "2022-04-05 09:00"';

function loadWithSendAt(value: string, newsletter?: [string, string]) {
  const sources = sourcesWith('issue', SEND_AT, `sendAt: ${value}`);
  if (newsletter) sources.newsletter!.text = sources.newsletter!.text.replace(...newsletter);
  return parseContent(sources);
}

describe('the spring-forward gap', () => {
  it('is refused, naming the nearest times that exist', () => {
    expect(readLondonTime('2025-03-30 01:30').problem).toBe(
      '"2025-03-30 01:30" does not exist in the UK: the clocks go forward an hour that night, so 01:30 is skipped — the nearest times that exist are "2025-03-30 00:59" (GMT) and "2025-03-30 02:00" (BST)',
    );
    expect(() => londonToUtc('2025-03-30 01:00')).toThrow(NewsletterError);
  });

  it('is a located content error in sendAt', () => {
    expect(loadWithSendAt('"2025-03-30 01:30"').errors.map(formatContentError)).toEqual([
      `${ISSUE}:6:9 sendAt: "2025-03-30 01:30" does not exist in the UK: the clocks go forward an hour that night, so 01:30 is skipped — the nearest times that exist are "2025-03-30 00:59" (GMT) and "2025-03-30 02:00" (BST)`,
    ]);
  });

  it('leaves the times either side alone', () => {
    expect(londonToUtc('2025-03-30 00:59').toISOString()).toBe('2025-03-30T00:59:00.000Z');
    expect(londonToUtc('2025-03-30 02:00').toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(ukDateTime('2025-03-30 02:00')).toBe('30 March 2025 at 2am (BST)');
  });
});

describe('the October repeated hour', () => {
  it('asks for BST or GMT', () => {
    expect(loadWithSendAt('"2025-10-26 01:30"').errors.map(formatContentError)).toEqual([
      `${ISSUE}:6:9 sendAt: "2025-10-26 01:30" happens twice in the UK: the clocks go back an hour that night — write "2025-10-26 01:30 BST" for the first 01:30, or "2025-10-26 01:30 GMT" for the second, an hour later`,
    ]);
  });

  it('accepts either once it is said, an hour apart', () => {
    expect(londonToUtc('2025-10-26 01:30 BST').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    expect(londonToUtc('2025-10-26 01:30 GMT').toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(ukDateTime('2025-10-26 01:30 BST')).toBe('26 October 2025 at 1:30am (BST)');
    expect(ukDateTime('2025-10-26 01:30 GMT')).toBe('26 October 2025 at 1:30am (GMT)');
    const loaded = loadWithSendAt('"2025-10-26 01:30 GMT"');
    expect(loaded.errors).toEqual([]);
    expect(loaded.content!.issues[0]!.sendAt).toBe('2025-10-26 01:30 GMT');
  });

  it('refuses a zone the clocks are not on that day', () => {
    expect(readLondonTime('2025-06-01 09:00 GMT').problem).toBe(
      '"2025-06-01 09:00 GMT": on 1 June 2025 UK time is BST, not GMT — write "2025-06-01 09:00"',
    );
  });

  it('names each instant as it was, and writes it back so it reads the same', () => {
    for (const iso of ['2025-10-26T00:30:00Z', '2025-10-26T01:30:00Z', '2025-03-30T01:00:00Z', '2022-04-05T08:00:00Z']) {
      const at = new Date(iso);
      expect(londonToUtc(londonLocal(at)).toISOString(), iso).toBe(at.toISOString());
    }
    expect(londonLocal(new Date('2025-10-26T00:30:00Z'))).toBe('2025-10-26 01:30 BST');
    expect(ukInstant(new Date('2025-10-26T01:30:00Z'))).toBe('26 October 2025 at 1:30am (GMT)');
    expect(shareBanner({ hash: 'a', createdAt: new Date('2025-10-26T00:30:00Z') }, 'b')).toContain(
      'this link was made on 26 October 2025 at 1:30am (BST);',
    );
  });
});

describe('a send date without a time', () => {
  it('is sent at newsletter.yaml’s default send time', () => {
    expect(loadWithSendAt('2022-04-05').content!.issues[0]!.sendAt).toBe('2022-04-05 09:00');
    const later = loadWithSendAt('2022-04-05', ['defaultSendTime: "09:00"', 'defaultSendTime: "10:15"']);
    expect(later.errors).toEqual([]);
    expect(later.content!.issues[0]!.sendAt).toBe('2022-04-05 10:15');
    expect(ukDateTime(later.content!.issues[0]!.sendAt)).toBe('5 April 2022 at 10:15am (BST)');
  });

  it('must be a real date, and the default time must be outside the hour the clocks change', () => {
    expect(loadWithSendAt('2022-02-30').errors.map(formatContentError)).toEqual([
      `${ISSUE}:6:9 sendAt: "2022-02-30" is not a real calendar date — check the day and the month`,
    ]);
    expect(loadWithSendAt('2022-04-05', ['defaultSendTime: "09:00"', 'defaultSendTime: "01:30"']).errors.map(formatContentError)).toEqual([
      'content/newsletter.yaml:31:18 defaultSendTime: the clocks change between 01:00 and 01:59 in spring and autumn — choose a time outside that hour',
    ]);
  });
});

describe('a date that is not one', () => {
  it('is written as invalid, not a crash (a record without its time), as Luxon always did', () => {
    for (const at of [new Date('not a date'), undefined as unknown as Date]) {
      expect(ukInstant(at)).toContain('Invalid DateTime');
      expect(() => londonLocal(at)).not.toThrow();
    }
  });
});

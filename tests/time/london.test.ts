// Europe/London from a TZif file (src/time/tzif.ts, london.ts): the same offsets and names as ICU's
// copy of the IANA database at every change and in between; ICU answers outside the file's years;
// a file that is not a well-formed TZif file is refused whole, and ICU answers instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { londonZone, TableZone, zoneFrom } from '../../src/time/london.js';
import { readTzif } from '../../src/time/tzif.js';
import { REPO } from '../helpers/project.js';

const FILE = readFileSync(path.join(REPO, 'tests/fixtures/zoneinfo/Europe-London'));
const icu = IANAZone.create('Europe/London');
const HOUR = 3_600_000;

describe('the Europe/London TZif file', () => {
  const table = readTzif(FILE)!;
  const zone = zoneFrom('Europe/London', FILE);

  it('is read from its 64-bit block: every change from 1847 to 2037, in order', () => {
    expect(zone).toBeInstanceOf(TableZone);
    expect(table.at.length).toBeGreaterThan(200);
    expect(new Date(table.at.at(-1)!).toISOString()).toBe('2037-10-25T01:00:00.000Z');
    expect(table.at.every((t, i) => i === 0 || t > table.at[i - 1]!)).toBe(true);
  });

  it('gives ICU’s offset either side of every change, and every six hours from 1970 to 2040', () => {
    const moments = [...table.at.flatMap((t) => [t - 1, t, t + 1]), ...Array.from({ length: 70 * 1461 }, (_, i) => i * 6 * HOUR)];
    const differ = moments.filter((t) => zone.offset(t) !== icu.offset(t));
    expect(differ.map((t) => new Date(t).toISOString())).toEqual([]);
  });

  it('names the clocks as the UK does, and writes the offset as Luxon does', () => {
    const summer = Date.UTC(2022, 3, 5, 8);
    const winter = Date.UTC(2022, 0, 5, 8);
    expect([zone.offsetName(summer, { format: 'short' }), zone.offsetName(winter, { format: 'short' })]).toEqual(['BST', 'GMT']);
    for (const format of ['short', 'narrow', 'techie'] as const)
      for (const t of [summer, winter]) expect(zone.formatOffset(t, format)).toBe(icu.formatOffset(t, format));
    expect(zone.offsetName(summer, { format: 'long', locale: 'en-GB' })).toBe(icu.offsetName(summer, { format: 'long', locale: 'en-GB' }));
  });

  it('leaves the years outside the file to ICU', () => {
    for (const t of [Date.UTC(1800, 0, 1), Date.UTC(2038, 6, 1), Date.UTC(2050, 6, 1), Date.UTC(2050, 0, 1)])
      expect(zone.offset(t)).toBe(icu.offset(t));
  });

  it('is what londonZone() reads from this machine’s tzdata', () => {
    const here = londonZone();
    expect(here).toBeInstanceOf(TableZone);
    for (const t of table.at) expect(here.offset(t)).toBe(zone.offset(t));
  });
});

describe('a zone file that is not as it should be', () => {
  const broken = (change: (b: Buffer) => Buffer) => change(Buffer.from(FILE));
  // The 64-bit block's header starts after the 32-bit block; its counts at +20.
  const second = 44 + secondHeaderOffset(FILE);

  it.each<[string, Buffer]>([
    ['empty', Buffer.alloc(0)],
    ['only the magic', Buffer.from('TZif')],
    ['another magic', broken((b) => (b.write('TZiF', 0), b))],
    ['an unknown version', broken((b) => ((b[4] = 0x39), b))],
    ['cut short', FILE.subarray(0, FILE.length - 200 - 60)],
    ['a count beyond the file', broken((b) => (b.writeUInt32BE(4000, second + 32), b))],
    ['no time types', broken((b) => (b.writeUInt32BE(0, second + 36), b))],
    ['a transition to a type that does not exist', broken((b) => ((b[second + 44 + 8 * b.readUInt32BE(second + 32) + 5] = 200), b))],
    ['transitions out of order', broken((b) => (b.writeBigInt64BE(4_000_000_000n, second + 44 + 8 * 5), b))],
    ['an offset of days', broken((b) => (b.writeInt32BE(400_000, second + 44 + 9 * b.readUInt32BE(second + 32)), b))],
    ['a file too large to be one', Buffer.concat([FILE, Buffer.alloc(70 * 1024)])],
  ])('%s: refused, and ICU answers', (_, bytes) => {
    const zone = zoneFrom('Europe/London', bytes);
    expect(zone).not.toBeInstanceOf(TableZone);
    expect(zone.offset(Date.UTC(2022, 3, 5))).toBe(60);
  });

  it('a version 1 file is read from its 32-bit block', () => {
    const v1 = zoneFrom('Europe/London', Buffer.concat([FILE.subarray(0, 4), Buffer.from([0]), FILE.subarray(5)]));
    expect(v1).toBeInstanceOf(TableZone);
    for (const t of readTzif(FILE)!.at.filter((t) => t > Date.UTC(1902, 0, 1))) expect(v1.offset(t)).toBe(icu.offset(t));
  });

  it('no file at all: ICU answers', () => {
    expect(zoneFrom('Europe/London', undefined).type).toBe('iana');
  });
});

/** Where the 64-bit block's header starts: after the header and the 32-bit block (RFC 8536, 3.1). */
function secondHeaderOffset(file: Buffer): number {
  const [isut, isstd, leap, time, type, char] = [0, 1, 2, 3, 4, 5].map((i) => file.readUInt32BE(20 + 4 * i)) as number[];
  return time! * 5 + type! * 6 + char! + leap! * 8 + isstd! + isut!;
}

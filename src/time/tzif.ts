// The IANA time-zone database as the system compiles it (zic's TZif files, RFC 8536): the moments
// the clocks change and the offset from each. Pure: bytes in, a table out, or undefined for a file
// that is not a well-formed TZif file — whoever reads it then asks ICU instead.

/** Offsets in force from each moment on: `at` ascending, in ms since 1970; `offset` in minutes east of UTC. */
export interface ZoneTable {
  at: number[];
  offset: number[];
  /** The zone's abbreviation from that moment on ("GMT", "BST"). */
  abbreviation: string[];
}

const HEADER = 44;
const MAX_TRANSITIONS = 5_000;
const MAX_OFFSET_S = 26 * 3600;

/** The table of a TZif file (version 1 to 4), read from its 64-bit block when it has one. */
export function readTzif(bytes: Uint8Array): ZoneTable | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = header(view, 0);
  if (!first) return undefined;
  // Version 2 and later repeat the data with 64-bit times after the version 1 block.
  if (first.version === 0) return block(view, HEADER, first, 4);
  const second = header(view, HEADER + blockLength(first, 4));
  return second && block(view, HEADER + blockLength(first, 4) + HEADER, second, 8);
}

interface Counts {
  version: number;
  isut: number;
  isstd: number;
  leap: number;
  time: number;
  type: number;
  char: number;
}

function header(view: DataView, at: number): Counts | undefined {
  if (view.byteLength < at + HEADER) return undefined;
  if (String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(at + i))) !== 'TZif') return undefined;
  const v = view.getUint8(at + 4);
  const version = v === 0 ? 0 : v >= 0x32 && v <= 0x34 ? v - 0x30 : -1; // '\0', '2', '3', '4'
  if (version < 0) return undefined;
  const [isut, isstd, leap, time, type, char] = [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(at + 20 + 4 * i)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (time > MAX_TRANSITIONS || type < 1 || type > 256 || char > 1024 || leap > 1000) return undefined;
  if ((isut !== 0 && isut !== type) || (isstd !== 0 && isstd !== type)) return undefined;
  return { version, isut, isstd, leap, time, type, char };
}

const blockLength = (c: Counts, timeSize: 4 | 8) =>
  c.time * timeSize + c.time + c.type * 6 + c.char + c.leap * (timeSize + 4) + c.isstd + c.isut;

function block(view: DataView, start: number, c: Counts, timeSize: 4 | 8): ZoneTable | undefined {
  if (view.byteLength < start + blockLength(c, timeSize)) return undefined;
  const times = start;
  const indices = times + c.time * timeSize;
  const types = indices + c.time;
  const chars = types + c.type * 6;
  const text = (from: number) => {
    let s = '';
    for (let i = chars + from; i < chars + c.char && view.getUint8(i) !== 0; i++) s += String.fromCharCode(view.getUint8(i));
    return s;
  };
  const kinds: { offset: number; abbreviation: string }[] = [];
  for (let i = 0; i < c.type; i++) {
    const offsetS = view.getInt32(types + 6 * i);
    const name = view.getUint8(types + 6 * i + 5);
    if (Math.abs(offsetS) > MAX_OFFSET_S || name >= c.char) return undefined;
    kinds.push({ offset: offsetS / 60, abbreviation: text(name) });
  }
  const table: ZoneTable = { at: [], offset: [], abbreviation: [] };
  for (let i = 0; i < c.time; i++) {
    const seconds = timeSize === 4 ? view.getInt32(times + 4 * i) : Number(view.getBigInt64(times + 8 * i));
    const kind = kinds[view.getUint8(indices + i)];
    if (!kind || !Number.isSafeInteger(seconds * 1000)) return undefined;
    if (table.at.length > 0 && seconds * 1000 <= table.at.at(-1)!) return undefined;
    table.at.push(seconds * 1000);
    table.offset.push(kind.offset);
    table.abbreviation.push(kind.abbreviation);
  }
  return table;
}

/** Where `ms` falls in the table: the index of the last change at or before it, or -1 outside the table (before its first change, or after its last, where the file's rule for later years governs). */
export function changeBefore(table: ZoneTable, ms: number): number {
  const { at } = table;
  if (at.length < 2 || ms < at[0]! || ms >= at[at.length - 1]!) return -1;
  let lo = 0;
  let hi = at.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= ms) lo = mid;
    else hi = mid;
  }
  return lo;
}

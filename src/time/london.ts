// Europe/London for Luxon, from the system's copy of the IANA database where it covers the moment
// (Debian's tzdata: /usr/share/zoneinfo, or TZDIR), and from ICU's copy (Luxon's own IANA zone)
// before and after it, or when the file is missing or not as it should be. The same data either
// way; the file spares every command ICU's date formatting, which costs about 5 ms to load.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';
import { changeBefore, readTzif, type ZoneTable } from './tzif.js';

export const TIME_ZONE = 'Europe/London';
const MAX_FILE_BYTES = 64 * 1024;

/** A zone read from a TZif table, ICU answering outside it. */
export class TableZone extends Zone {
  private icuZone: Zone | undefined;

  constructor(
    private readonly zoneName: string,
    private readonly table: ZoneTable,
  ) {
    super();
  }

  /** ICU's zone, made only when a moment outside the table is asked for (making it loads ICU). */
  private get icu(): Zone {
    return (this.icuZone ??= IANAZone.create(this.zoneName));
  }

  override get type(): string {
    return 'tzif';
  }
  override get name(): string {
    return this.zoneName;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return true;
  }

  override offset(ts: number): number {
    const i = changeBefore(this.table, ts);
    return i < 0 ? this.icu.offset(ts) : this.table.offset[i]!;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    const i = changeBefore(this.table, ts);
    return i < 0 || options.format === 'long' ? this.icu.offsetName(ts, options) : this.table.abbreviation[i]!;
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    const offset = this.offset(ts);
    const sign = offset < 0 ? '-' : '+';
    const [hours, minutes] = [Math.trunc(Math.abs(offset) / 60), Math.abs(offset) % 60].map((n) => String(n).padStart(2, '0'));
    if (format === 'narrow') return minutes === '00' ? `${sign}${Number(hours)}` : `${sign}${Number(hours)}:${minutes}`;
    return format === 'techie' ? `${sign}${hours}${minutes}` : `${sign}${hours}:${minutes}`;
  }

  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }
}

/** The zone for a TZif file's bytes; ICU's zone when there are none, or they are not a TZif file. */
export function zoneFrom(name: string, bytes: Uint8Array | undefined): Zone {
  const table = bytes && bytes.length <= MAX_FILE_BYTES ? readTzif(bytes) : undefined;
  return table && table.at.length > 1 ? new TableZone(name, table) : IANAZone.create(name);
}

let london: Zone | undefined;

/** Europe/London, read from the system's zone file at first use (kept for the process: TZDIR is read then). */
export function londonZone(): Zone {
  return (london ??= zoneFrom(TIME_ZONE, systemZoneFile(TIME_ZONE)));
}

function systemZoneFile(name: string): Uint8Array | undefined {
  try {
    return readFileSync(path.join(process.env.TZDIR || '/usr/share/zoneinfo', name));
  } catch {
    return undefined;
  }
}

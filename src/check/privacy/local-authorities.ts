// English local authorities as data (see local-authorities.json for the source and the date), and
// the larger areas above them. Refresh with scripts/refresh-local-authorities.ts.
import data from './local-authorities.json' with { type: 'json' };

export interface LocalAuthorityData {
  about: string;
  source: string;
  asOf: string;
  upperTier: string[];
  districts: string[];
  areas: string[];
}

export const LOCAL_AUTHORITIES: LocalAuthorityData = data;

let names: string[] | undefined;

/**
 * Every authority and area, with the names people write for them: "Kingston upon Hull" is also
 * "Hull", "Brighton and Hove" also "Brighton" and "Hove", "County Durham" also "Durham".
 */
export function localAuthorityNames(): string[] {
  if (names) return names;
  const all = [...data.upperTier, ...data.districts, ...data.areas];
  const aliases = all.flatMap((n) => [
    ...n.split(/,\s*|\s+and\s+|\s+with\s+/),
    n.replace(/^(?:City of|County)\s+|\s+upon\s+\w+$|-on-\w+$|-under-\w+$/g, ''),
    n.replace(/^Kingston upon Hull$/, 'Hull').replace(/^Newcastle upon Tyne$/, 'Newcastle'),
  ]);
  names = [...new Set([...all, ...aliases].map((n) => n.trim()).filter(Boolean))];
  return names;
}

// Refresh src/check/privacy/local-authorities.json from the ONS Open Geography Portal's lists of
// names and codes, downloaded by hand (the tool works offline):
//   https://geoportal.statistics.gov.uk → "Local Authority Districts (<Month Year>) Names and Codes in the UK"
//   and "Counties and Unitary Authorities (<Month Year>) Names and Codes in the UK" → Download → CSV
//   node --import tsx scripts/refresh-local-authorities.ts LAD.csv CTYUA.csv [--as-of 2024-05]
// English codes only: E10 counties, E06 unitaries, E08 metropolitan and E09 London boroughs (upper
// tier), E07 districts. The larger areas (regions' counties, the nations) are kept as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LocalAuthorityData } from '../src/check/privacy/local-authorities.js';

const OUT = path.resolve(import.meta.dirname, '../src/check/privacy/local-authorities.json');

/** One CSV row, with quoted fields ("Bristol, City of"). */
export function csvRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...cells, cell];
}

/** ONS writes "Bristol, City of" and "Herefordshire, County of"; people write "Bristol". */
export function plainName(name: string): string {
  return name.replace(/,\s*(?:City|County) of$/i, '').trim();
}

/** Code → name for every English authority in the files (columns named like LAD23CD/LAD23NM). */
export function readAuthorities(csvText: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of csvText) {
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean);
    const cols = csvRow(header!);
    const code = cols.findIndex((c) => /CD$/i.test(c));
    const name = cols.findIndex((c) => /NM$/i.test(c));
    if (code < 0 || name < 0) throw new Error(`no …CD and …NM columns in the header: ${header}`);
    for (const row of rows) {
      const cells = csvRow(row);
      if (/^E(?:06|07|08|09|10)/.test(cells[code] ?? '')) found.set(cells[code]!, plainName(cells[name] ?? ''));
    }
  }
  return found;
}

export function refreshed(
  previous: LocalAuthorityData,
  authorities: Map<string, string>,
  asOf: string,
  files: string[],
): LocalAuthorityData {
  const names = (re: RegExp) => [...new Set([...authorities].filter(([c]) => re.test(c)).map(([, n]) => n))].sort();
  return {
    ...previous,
    source: `ONS Open Geography Portal names and codes (${files.map((f) => path.basename(f)).join(', ')}), refreshed with scripts/refresh-local-authorities.ts`,
    asOf,
    upperTier: names(/^E(?:06|08|09|10)/),
    districts: names(/^E07/),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--as-of');
  const asOf = at >= 0 ? args.splice(at, 2)[1]! : new Date().toISOString().slice(0, 7);
  if (args.length === 0) {
    console.error('usage: node --import tsx scripts/refresh-local-authorities.ts <LAD.csv> [CTYUA.csv] [--as-of YYYY-MM]');
    process.exit(1);
  }
  const authorities = readAuthorities(args.map((f) => readFileSync(f, 'utf8')));
  const previous = JSON.parse(readFileSync(OUT, 'utf8')) as LocalAuthorityData;
  const next = refreshed(previous, authorities, asOf, args);
  writeFileSync(OUT, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`${next.upperTier.length} upper-tier authorities, ${next.districts.length} districts → ${path.relative(process.cwd(), OUT)}`);
}

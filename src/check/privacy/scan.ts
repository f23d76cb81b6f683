// One field's text through every detector, in tier order; overlapping tier-1 finds are reported
// once (an NHS number is not also a phone number).
import { TextMemory } from '../text-memory.js';
import { type AllowList, allowListKey } from './allow-list.js';
import type { Detection } from './detection.js';
import { birthDates } from './birth-dates.js';
import { addresses, childDates, emails, nhsNumbers, niNumbers, phoneNumbers, postcodes } from './identifiers.js';
import { agePlace, jigsaw } from './jigsaw.js';
import { personNames } from './names.js';
import { schoolNames } from './schools.js';
import { maskLinks, paragraphs, sentences } from './text.js';

/**
 * Fields already scanned, by allow-list and text: the studio checks an issue again after every
 * edit, and only the fields that changed are scanned again. A new allow-list (the regions, the
 * reviews or the newsletter changed) has keys of its own.
 */
export const scanned = new TextMemory<Detection[]>(1000);

/**
 * What the detectors find in one field, remembered by allow-list and text. `elsewhere` scans it when
 * not known (the check's helper thread, read-ahead.ts); should it fail, it is scanned here.
 */
export function scanText(
  raw: string,
  allow: AllowList,
  elsewhere?: (raw: string, allow: AllowList) => Promise<Detection[]>,
): Promise<Detection[]> {
  const scan = () => (elsewhere ? elsewhere(raw, allow).catch(() => scanField(raw, allow)) : scanField(raw, allow));
  return scanned.of(scanKey(raw, allow), scan);
}

/** The memory's key for a field's text under an allow-list. */
export function scanKey(raw: string, allow: AllowList): string {
  return `${allowListKey(allow)}\u0000${raw}`;
}

/** One field through every detector, read now: scanText remembers it; the check's helper thread calls this. */
export async function scanField(raw: string, allow: AllowList): Promise<Detection[]> {
  const text = maskLinks(raw);
  const paras = paragraphs(text);
  const sents = paras.flatMap((p) => sentences(text, p));

  const tier1 = firstOfOverlapping([
    ...nhsNumbers(text),
    ...niNumbers(text),
    ...emails(text, allow),
    ...(await phoneNumbers(text)),
    ...postcodes(text, allow),
    ...addresses(text),
    ...birthDates(text),
    ...sents.flatMap((s) => childDates(text, s)),
  ]);
  const schools = schoolNames(text);
  const names = await personNames(text, sents, allow, [...tier1, ...schools]);
  const tier2 = [...names, ...schools, ...sents.flatMap((s) => agePlace(text, s, allow))];
  const tier3 = paras.flatMap((p) => jigsaw(text, p, allow, schools));
  return [...tier1, ...tier2, ...tier3].map((d) => ({ ...d, text: raw.slice(d.start, d.end) }));
}

/** Keep detections in the order given, dropping any that overlaps one already kept. */
function firstOfOverlapping(found: Detection[]): Detection[] {
  const kept: Detection[] = [];
  for (const d of found) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  return kept.sort((a, b) => a.start - b.start);
}

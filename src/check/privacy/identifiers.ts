// Tier 1: details that identify a person on their own, found by rule (checksums, HMRC's and Royal
// Mail's formats, phone numbering). Errors until a person acknowledges them.
import type { AllowList } from './allow-list.js';
import { type Detection, detection } from './detection.js';
import { CHILD_WORD, FULL_DATE, matches } from './patterns.js';
import type { Range } from './text.js';

/** NHS number: ten digits (3-3-4), weights 10..2, check digit 11 − (sum mod 11), 11 → 0, 10 never valid (NHS Data Dictionary). */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export function nhsNumbers(text: string): Detection[] {
  return matches(/(?<![\d-])\d{3}([ -]?)\d{3}\1\d{4}(?![\d-])/g, text)
    .filter((m) => isNhsNumber(m.text.replace(/\D/g, '')))
    .map((m) => detection('nhs-number', 1, m));
}

/** HMRC NIM39110: no D F I Q U V as either prefix letter, no O second, prefixes BG GB KN NK NT TN ZZ unused, suffix A–D. */
const NINO = /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;
const NINO_CONTEXT = /\b(?:national insurance|NI (?:number|no)|NINO|insurance number)\b/i;

export function niNumbers(text: string): Detection[] {
  return matches(NINO, text)
    .filter((m) => NINO_CONTEXT.test(text.slice(Math.max(0, m.start - 60), m.end + 30)))
    .map((m) => detection('ni-number', 1, m));
}

/** The six Royal Mail formats and GIR 0AA, in capitals as addresses are written. */
const POSTCODE =
  /\b(?:GIR ?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y]) ?[0-9][ABD-HJLNP-UW-Z]{2})\b/g;

export function postcodes(text: string, allow: AllowList): Detection[] {
  return matches(POSTCODE, text)
    .filter((m) => !allow.postcodes.has(m.text.replace(/\s+/g, '')))
    .map((m) => detection('postcode', 1, m));
}

/** Local parts of shared mailboxes: an office, not a person. */
const ROLE =
  /^(?:mailbox|info|enquir(?:y|ies)|admin|contact|office|safeguarding|lscp|lscb|scp|press|media|comms|communications|hello|team|reception|no-?reply|foi|dpo|data-?protection|complaints|help|helpline|support|feedback|newsletters?|secretariat|duty|mash|front-?door|referrals?|training|learning|events|business|partnership|panel|reviews?|cspr|lcspr|hr|recruitment|careers|jobs|webmaster|post|mail|general)(?:[._+-]|$)/i;
// Linear on any text: a match starts only where a run of address characters starts (the
// lookbehind), and every repeat is bounded (RFC 5321: 64 for the local part, 63 a label), so a
// long run without "@" is read once, not once from every character of it.
const EMAIL = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;

export function emails(text: string, allow: AllowList): Detection[] {
  return matches(EMAIL, text)
    .filter((m) => !allow.mailboxes.has(m.text.toLowerCase()) && !ROLE.test(m.text.split('@')[0]!))
    .map((m) => detection('email', 1, m));
}

const STREET =
  '(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Crescent|Grove|Place|Terrace|Gardens|Court|Walk|Row|Square|Rise|Mews|Parade|Hill|View|Green|Park|Vale|Croft|Fold|Gate|Yard|Chase|Meadows?|Bank|Brow|Hollow)';
const ADDRESS = new RegExp(
  `\\b(?:(?:Flat|Apartment)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:[A-Z][a-z'’]+\\s+){1,3}${STREET}\\b`,
  'g',
);

export function addresses(text: string): Detection[] {
  return matches(ADDRESS, text)
    .filter((m) => !/^(?:19|20)\d{2}\s/.test(m.text))
    .map((m) => detection('address', 1, m));
}

/** A full date in a sentence about a particular child. */
export function childDates(text: string, sentence: Range): Detection[] {
  if (!CHILD_WORD.test(text.slice(sentence.start, sentence.end))) return [];
  return matches(FULL_DATE, text, sentence.start, sentence.end).map((m) => detection('child-date', 1, m));
}

/** A run of digits long enough to be a phone number; only then is libphonenumber-js loaded. */
const PHONE_CANDIDATE = /\+?\(?\d[\d ()-]{8,}\d/;
const UK_NUMBERING = new Set(['GB', 'GG', 'JE', 'IM']);

type FindPhones = typeof import('libphonenumber-js/min').findPhoneNumbersInText;
let findPhones: Promise<FindPhones> | undefined;

/** UK phone numbers written as dialled (0… or +44…), except organisation lines (03, 080x, 084x, 087x, 09): helplines are public. */
export async function phoneNumbers(text: string): Promise<Detection[]> {
  if (!PHONE_CANDIDATE.test(text)) return [];
  findPhones ??= import('libphonenumber-js/min').then((m) => m.findPhoneNumbersInText);
  // extended: numbers of the right shape count, not only ranges in use (Ofcom's drama numbers are real-looking).
  const found = (await findPhones)(text, { defaultCountry: 'GB', extended: true });
  return found
    .filter((f) => /^(?:\(?0|\+\s?44)/.test(text.slice(f.startsAt)))
    .filter((f) => UK_NUMBERING.has(f.number.country ?? 'GB') && !/^(?:3|80|84|87|9)/.test(f.number.nationalNumber))
    .map((f) => detection('phone', 1, { start: f.startsAt, end: f.endsAt, text: text.slice(f.startsAt, f.endsAt) }));
}

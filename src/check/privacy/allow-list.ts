// What the content itself says may be named: Panel members, the publication's own names and
// mailboxes, the nine regions, partnerships, review titles and their pseudonyms, and local
// authorities. Names are compared after normalising case, hyphens, honorifics and possessives.
import { createHash } from 'node:crypto';
import type { Content } from '../../content/schema.js';
import { REGION_NAMES } from '../../content/regions.js';
import { localAuthorityNames } from './local-authorities.js';

export interface AllowList {
  /** Full names and pseudonyms, normalised. */
  names: Set<string>;
  /** Surnames of allowed full names ("Dr Tranter"), and every word of a review title's names ("Arthur"). */
  nameWords: Set<string>;
  /** Places no finer than a local authority, normalised: authorities, regions, partnerships' areas. */
  places: Set<string>;
  /** The publication's own mailboxes, lower case. */
  mailboxes: Set<string>;
  /** The publication's own postcodes, without spaces. */
  postcodes: Set<string>;
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|dame|sir|lord|lady|prof|professor|rev|revd|cllr|councillor)\.?$/;

/** "Dr Susan Tranter's" → "susan tranter"; "Renuka Jeyarajah-Dent" → "renuka jeyarajah dent". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b|['’]$/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/[^\p{L}\s']/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFIC.test(w))
    .join(' ');
}

/** Words in a partnership's name that are not its area: "Hull Safeguarding Children Partnership" → "hull". */
const PARTNERSHIP_WORDS =
  /\b(?:safeguarding|children(?:'s)?|child|partnership|partners|board|local|practice|review|panel|and|the|of|for|multi agency|arrangements|lscb|lscp|scp)\b/g;

/** Capitalised runs in a review title: "Arthur Labinjo-Hughes", "Star Hobson", "SCR Matthew". */
function titleNames(title: string): string[] {
  return [...title.matchAll(/[A-Z][\p{L}'’-]*(?:\s+[A-Z][\p{L}'’-]*)*/gu)].map((m) => normaliseName(m[0])).filter(Boolean);
}

/** One allow-list per set of shared files: an edit of an issue reuses it (and scan.ts's memory of its fields). */
const built = new WeakMap<Content['reviews'], { regions: Content['regions']; newsletter: Content['newsletter']; allow: AllowList }>();

/** A fingerprint of what an allow-list allows, so results found under it are kept apart from another's. */
const keys = new WeakMap<AllowList, string>();
export function allowListKey(allow: AllowList): string {
  let key = keys.get(allow);
  if (key === undefined) {
    const sorted = Object.entries(allow).map(([name, set]: [string, Set<string>]) => [name, [...set].sort()]);
    keys.set(allow, (key = createHash('sha256').update(JSON.stringify(sorted)).digest('base64url')));
  }
  return key;
}

export function buildAllowList(content: Content): AllowList {
  const known = built.get(content.reviews);
  if (known && known.regions === content.regions && known.newsletter === content.newsletter) return known.allow;
  const allow = allowListOf(content);
  built.set(content.reviews, { regions: content.regions, newsletter: content.newsletter, allow });
  return allow;
}

function allowListOf(content: Content): AllowList {
  const names = new Set<string>();
  const nameWords = new Set<string>();
  const places = new Set<string>(localAuthorityNames().map(normaliseName));
  for (const r of REGION_NAMES) places.add(normaliseName(r));

  const person = (full: string) => {
    const n = normaliseName(full);
    names.add(n);
    const words = n.split(' ');
    if (words.length > 1) nameWords.add(words.at(-1)!);
  };
  for (const region of content.regions.regions) for (const link of region.links) person(link.name);
  const { newsletter } = content;
  for (const n of [newsletter.name, newsletter.organisation, newsletter.sender.name, ...newsletter.social.map((s) => s.name)])
    names.add(normaliseName(n));

  for (const review of content.reviews) {
    names.add(normaliseName(review.partnership));
    const area = normaliseName(review.partnership).replace(PARTNERSHIP_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (area) places.add(area);
    for (const run of titleNames(review.title)) {
      names.add(run);
      for (const w of run.split(' ')) nameWords.add(w);
    }
  }

  const mailboxes = new Set([newsletter.sender.email, newsletter.sender.replyTo, newsletter.feedbackMailbox].map((m) => m.toLowerCase()));
  const postcodes = new Set(
    newsletter.postalAddress.map((l) => l.replace(/\s+/g, '').toUpperCase()).filter((l) => /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(l)),
  );
  return { names, nameWords, places, mailboxes, postcodes };
}

/** A pseudonym as reviews write them: "Child P", "Child LB", "Baby Thomas", "Family X", "Sibling 2". */
export const PSEUDONYM =
  /^(?:(?:child|baby|family|sibling|young person|yp|adult|mother|father|parent) (?:[a-z]{1,3}|\d{1,2})|(?:child|baby) [a-z]+)$/;

export function isAllowedName(allow: AllowList, found: string): boolean {
  const n = normaliseName(found);
  if (!n || allow.names.has(n) || allow.places.has(n) || PSEUDONYM.test(n)) return true;
  const words = n.split(' ');
  return words.every((w) => allow.nameWords.has(w)) || (words.length === 1 && allow.places.has(words[0]!));
}

export function isKnownPlace(allow: AllowList, place: string): boolean {
  return allow.places.has(normaliseName(place));
}

// Places named more finely than a local authority: a town, estate, village or street that is not
// itself an authority or a larger area. A place alone never raises a finding; it counts only
// beside an exact age (tier 2) or among other identifiers (tier 3).
import { type AllowList, isAllowedName, isKnownPlace } from './allow-list.js';
import { MONTH_NAMES } from './patterns.js';

export interface Place {
  start: number;
  end: number;
  text: string;
}

const WORD = "[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*";
/** "in Halifax", "from the Seacroft estate", "near Upper Wortley", "on Acacia Avenue". */
const AFTER_PREPOSITION = new RegExp(
  `\\b(?:in|from|near|at|around|outside|to|on|within)\\s+(?:the\\s+)?(${WORD}(?:\\s+(?:(?:upon|under|le)\\s+)?${WORD}){0,3})(\\s+(?:estate|village|ward|area))?`,
  'g',
);
/** "the Seacroft estate", "Wyke village": a lower-case place word after a name. */
const BEFORE_PLACE_WORD = new RegExp(`\\b(${WORD}(?:\\s+${WORD})?)\\s+(?:estate|village|ward)\\b`, 'g');

/** A name ending so is an organisation or a thing, not somewhere people live. */
const ORGANISATION =
  /\b(?:Council|Partnership|Panel|Police|Constabulary|Trust|Board|Services?|Group|University|Bureau|Department|Office|Agency|Programme|Review|Reviews|Team|Foundation|Children|Safeguarding|NHS|Court|Hospitals?|Infirmary|Centre|Unit|Academy|School|College|Nursery|Primary|Junior|Infants?|High|Commissioner|Ofsted|Government|Parliament|Authority|Network|Project|Service|Society|Church|Association|Alliance|Institute|Report|Act|Guidance)$/;
/** Capitalised words that start no place name in this prose. */
const NOT_A_PLACE_START =
  /^(?:The|This|That|These|Those|His|Her|Their|Its|Our|A|An|Child|Children|Baby|Family|Panel|Covid|Christmas|Easter|Section|Part|Chapter|Working|Together|Mr|Mrs|Ms|Miss|Dr|Dame|Sir|Annex|Appendix|Year|Key|Stage|Early|Help|Social|Care|Local|National|Rapid|Practice|English|British|He|She|They|It|We|I|You|LCSPR|LCSPRs|CSPR|SCR|Serious|Case|Learning|January|February|March|April|May|June|July|August|September|October|November|December)$/;

export function subAuthorityPlaces(text: string, from: number, to: number, allow: AllowList): Place[] {
  const body = text.slice(from, to);
  const found: Place[] = [];
  const add = (index: number, name: string, withWord: boolean) => {
    const words = name.split(/\s+/);
    if (!withWord && (NOT_A_PLACE_START.test(words[0]!) || ORGANISATION.test(name) || MONTH_NAMES.has(words[0]!.toLowerCase()))) return;
    if (!withWord && (isKnownPlace(allow, name) || isAllowedName(allow, name))) return;
    if (found.some((p) => p.start <= from + index && from + index < p.end)) return;
    found.push({ start: from + index, end: from + index + name.length, text: name });
  };
  for (const m of body.matchAll(AFTER_PREPOSITION)) {
    const name = m[1]!;
    const at = m.index + m[0].indexOf(name);
    add(at, m[2] ? name + m[2] : name, Boolean(m[2]));
  }
  for (const m of body.matchAll(BEFORE_PLACE_WORD)) if (!NOT_A_PLACE_START.test(m[1]!.split(' ')[0]!)) add(m.index, m[0], true);
  return found.sort((a, b) => a.start - b.start);
}

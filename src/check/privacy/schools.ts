// Tier 2: a named school, nursery or college ("St Mary's Primary School", "Oakfield Academy").
// Public schools appear in news too, so this is a warning that asks, never an error.
import { type Detection, detection } from './detection.js';

const KEYWORD =
  /^(?:Primary|Infants?|Junior|High|Academy|School|College|Nursery|Secondary|Grammar|Sixth|Form|C\.?E\.?|R\.?C\.?|Catholic|Community)$/;
const ENDING = /^(?:Primary|Infants?|Junior|High|Academy|School|College|Nursery)$/;
/** Words that make a name generic ("Secondary School", "Virtual School") or an institution that is not a school. */
const GENERIC =
  /^(?:The|A|An|His|Her|Their|Its|Our|This|That|Local|Special|Independent|Boarding|Free|Sunday|Residential|State|Private|Mainstream|Virtual|Further|Education|Alternative|Pupil|Referral|Royal|Medical|Police|Imperial|National|Family|Health|Nursing|Social|Work|Year|Each|Every|New|And|Of|Church|England|Saint|St\.?|CE|RC|Catholic|Community|Secondary|Grammar|Sixth|Form|Primary|Infants?|Junior|High|Academy|School|College|Nursery|Children's|Children’s|In|At|From|When|After|Before|During|While|Both|By|For|With|To|On|As|If|Then|Later|Staff|Teachers|Pupils)$/;

export function schoolNames(text: string): Detection[] {
  const found: Detection[] = [];
  for (const end of text.matchAll(/\b(?:Primary|Infants?|Junior|High|Academy|School|College|Nursery)\b/g)) {
    const stop = end.index + end[0].length;
    // The name continues into a following capitalised word that is not a school word: "Primary Care", "High Court".
    const next = /^\s+([A-Z][\p{L}]*)/u.exec(text.slice(stop))?.[1];
    if (next && !ENDING.test(next)) continue;
    if (next) continue; // a longer name ends at a later keyword; that match reports it
    const words = wordsBefore(text, end.index);
    while (words.length && /^(?:of|and|the|upon|on)$/.test(words[0]!.text)) words.shift();
    const first = words.findIndex((w) => !GENERIC.test(w.text) && !KEYWORD.test(w.text));
    if (first < 0) continue;
    const startWord =
      words
        .slice(0, first)
        .reverse()
        .find((w) => /^(?:St\.?|Saint)$/.test(w.text)) ?? words[first]!;
    if (found.some((f) => f.start <= startWord.start && startWord.start < f.end)) continue;
    found.push(detection('school', 2, { start: startWord.start, end: stop, text: text.slice(startWord.start, stop) }));
  }
  return found;
}

/** The capitalised words (and connectors) running back from `at`, nearest last, at most six. */
function wordsBefore(text: string, at: number): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  let pos = at;
  for (let n = 0; n < 6; n++) {
    const m = /(?<![\p{L}'’.])(St\.|[A-Z][\p{L}'’&-]*|of|and|the|upon|on)(\s+)$/u.exec(text.slice(Math.max(0, pos - 40), pos));
    if (!m) break;
    const start = pos - m[0].length;
    words.unshift({ text: m[1]!, start });
    pos = start;
  }
  return words;
}

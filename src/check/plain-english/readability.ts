// Sentences: too long (GOV.UK advises 25 words at most), too hard to read for the Panel's readers
// (retext-readability's seven formulas, at a reading age of 14), and passive voice (retext-passive,
// a hint only: GOV.UK prefers the active voice, but a passive can be the right choice). The retext
// modules are loaded on first use, as compromise is for the privacy check; see DECISIONS.md.
import type { Processor } from 'unified';
import { TextMemory } from '../text-memory.js';

/** GOV.UK: "25 words is a good maximum"; it holds for specialists too. */
export const MAX_WORDS = 25;
/** A reading age of 14: professionals reading at work, in a second language or on a phone. */
export const READING_AGE = 14;
/** Four of retext-readability's seven formulas (its own default) mark a long sentence as hard too. */
const AGREEMENT = 4 / 7;
/**
 * A sentence within the length is hard only when six of the seven agree: the formulas are made for
 * passages, and on one short sentence a single long word ("safeguarding") tips four of them.
 */
export const HARD_AGREEMENT = 6;

export interface SentenceNote {
  kind: 'long' | 'hard' | 'passive';
  start: number;
  end: number;
  /** Words in the sentence (long, hard); the passive phrase (passive). */
  words: number;
  /** How many of the seven formulas find it hard (hard, long). */
  formulas?: number;
}

let processor: Promise<Processor> | undefined;

function load(): Promise<Processor> {
  processor ??= Promise.all([
    import('unified'),
    import('retext-english'),
    import('retext-readability'),
    import('retext-passive'),
    import('dale-chall'),
    import('spache'),
  ]).then(([{ unified }, english, readability, passive, { daleChall }, { spache }]) => {
    for (const words of [daleChall, spache]) answerFromSet(words);
    return unified()
      .use(english.default)
      .use(readability.default, { age: READING_AGE, threshold: AGREEMENT, minWords: 8 })
      .use(passive.default)
      .freeze() as unknown as Processor;
  });
  return processor;
}

/**
 * retext-readability asks `daleChall.includes(word)` and `spache.includes(word)` of every word it
 * reads: a walk through 2,950 and 925 words each time, about half of its time. Each of those two
 * arrays answers `includes` from a Set of the same words instead (with a starting index, as arrays
 * do); they are the very arrays retext-readability imports, and nothing else changes.
 */
export function answerFromSet(words: readonly string[]): void {
  if (Object.hasOwn(words, 'includes')) return;
  const set = new Set(words);
  Object.defineProperty(words, 'includes', {
    value: (word: string, from?: number) => (from === undefined ? set.has(word) : Array.prototype.includes.call(words, word, from)),
  });
}

interface Message {
  source?: string | undefined;
  reason: string;
  place?: { start: { offset?: number }; end: { offset?: number } } | { offset?: number } | undefined;
}

interface NlcstNode {
  type: string;
  children?: NlcstNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * Paragraphs already scored, by their text: the studio checks an issue again after every edit,
 * and only the paragraphs that changed are read again (the scoring is most of the check's time).
 */
export const scored = new TextMemory<SentenceNote[]>(2000);

/**
 * Notes on each sentence of one paragraph of prose (markup already blanked). `elsewhere` scores it
 * when not known (the check's helper thread, read-ahead.ts); should it fail, it is scored here.
 */
export function sentenceNotes(prose: string, elsewhere?: (prose: string) => Promise<SentenceNote[]>): Promise<SentenceNote[]> {
  return scored.of(prose, elsewhere ? (text) => elsewhere(text).catch(() => scoreParagraph(text)) : scoreParagraph);
}

/** Notes on one paragraph, read now: sentenceNotes remembers them; the check's helper thread calls this. */
export async function scoreParagraph(prose: string): Promise<SentenceNote[]> {
  const p = await load();
  const tree = p.parse(prose) as unknown as NlcstNode;
  // The callback form hands back the file the plugins wrote their messages on.
  const file = await new Promise<{ messages: Message[] }>((resolve, reject) =>
    p.run(tree as never, prose, (error, _tree, file) => {
      if (error || !file) reject(error ?? new Error('retext gave no file'));
      else resolve(file);
    }),
  );
  const notes: SentenceNote[] = [];
  const hard = new Map<number, number>();
  for (const m of file.messages) {
    const start = m.place && 'start' in m.place ? m.place.start.offset : undefined;
    const end = m.place && 'end' in m.place ? m.place.end.offset : undefined;
    if (start === undefined || end === undefined) continue;
    if (m.source === 'retext-readability') hard.set(start, Number(/(\d+) out of/.exec(m.reason)?.[1] ?? 7));
    else if (m.source === 'retext-passive') notes.push({ kind: 'passive', start, end, words: 0 });
  }
  for (const sentence of sentencesOf(tree)) {
    const start = sentence.position!.start.offset!;
    const end = sentence.position!.end.offset!;
    const words = (sentence.children ?? []).filter((c) => c.type === 'WordNode').length;
    const formulas = hard.get(start);
    if (words > MAX_WORDS) notes.push({ kind: 'long', start, end, words, formulas });
    else if (formulas !== undefined && formulas >= HARD_AGREEMENT) notes.push({ kind: 'hard', start, end, words, formulas });
  }
  return notes.sort((a, b) => a.start - b.start);
}

function sentencesOf(node: NlcstNode): NlcstNode[] {
  if (node.type === 'SentenceNode') return [node];
  return (node.children ?? []).flatMap(sentencesOf);
}

// What the text checks found in a piece of text, remembered by that text. The studio checks an
// issue again after every edit, and `check` is run again after one: only the paragraphs and fields
// that changed are read again. Plain English (retext reading every sentence) and privacy (every
// detector over every field) are most of a check's own time. Within a process the results are kept
// by the text itself; between runs the check's edge (pipeline.ts) keeps them in .cache/checks/ by a
// hash of the text, read back through `recall` and written from `toKeep`. Nothing here touches a file.
import { createHash } from 'node:crypto';

/** A hash of the text, as kept on disk: the text itself is in the issue file already. */
const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

export class TextMemory<T> {
  /** Results by text, most recently used last. */
  private readonly known = new Map<string, Promise<T>>();
  /** Results of earlier runs, by hash of the text. */
  private readonly recalled = new Map<string, T>();
  /** Every result used in this run, by hash, when it is to be kept for the next run. */
  private used?: Map<string, T>;
  /** How many texts were read (not taken from memory), for tests of the memory. */
  read = 0;

  constructor(private readonly limit: number) {}

  /** The result for `text`, from memory or from `compute`. */
  of(text: string, compute: (text: string) => Promise<T>): Promise<T> {
    let result = this.known.get(text);
    if (result) this.known.delete(text);
    else {
      const hash = this.recalled.size || this.used ? hashOf(text) : '';
      const earlier = this.recalled.get(hash);
      result = earlier ? Promise.resolve(earlier) : (this.read++, compute(text));
      result.catch(() => this.known.delete(text));
      if (this.known.size >= this.limit) this.known.delete(this.known.keys().next().value!);
      if (this.used)
        void result.then(
          (value) => this.used?.set(hash, value),
          () => undefined,
        );
    }
    this.known.set(text, result);
    return result;
  }

  /** Whether `text` has a result already, in this process or from an earlier run: `of` would not compute it. */
  knows(text: string): boolean {
    return this.known.has(text) || (this.recalled.size > 0 && this.recalled.has(hashOf(text)));
  }

  /** The results of an earlier run for those of `texts` it has, as recall takes them: to hand to another memory. */
  recalledOf(texts: readonly string[]): [string, T][] {
    if (this.recalled.size === 0) return [];
    return texts.map(hashOf).flatMap((hash) => (this.recalled.has(hash) ? [[hash, this.recalled.get(hash)!] as [string, T]] : []));
  }

  /** Results of an earlier run (already checked for shape by the caller); from now on, what is used is noted. */
  recall(entries: Iterable<readonly [string, T]>): void {
    this.recalled.clear();
    for (const [hash, value] of entries) this.recalled.set(hash, value);
    this.used = new Map();
    // What this process already knows is kept as well, under its hash.
    for (const [text, result] of this.known)
      void result.then(
        (value) => this.used?.set(hashOf(text), value),
        () => undefined,
      );
  }

  /**
   * What to keep for the next run: everything used in this one, then earlier results not used, up
   * to the limit, so checking one issue does not forget another's.
   */
  toKeep(): [string, T][] {
    const kept = new Map(this.used);
    for (const [hash, value] of this.recalled) {
      if (kept.size >= this.limit) break;
      if (!kept.has(hash)) kept.set(hash, value);
    }
    return [...kept];
  }
}

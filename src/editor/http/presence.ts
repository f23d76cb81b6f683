// Who has which file open in the editor, kept in memory: each open editor page beats every few
// seconds (POST /api/edit/presence); a page not heard from within the expiry is taken as closed,
// and a page that is closed says so. Also who saved each file last, so a save made on a stale
// copy can name the person whose change it met. Nothing here is written to disk: a restart forgets.
import type { Person } from '../../http/person.js';

/** An editor page beats every BEAT_MS; one not heard from for EXPIRY_MS is gone (two beats missed, and some). */
export const BEAT_MS = 15_000;
export const EXPIRY_MS = 40_000;
/** A hostile client cannot grow this without bound: the longest-silent tabs go first. */
const MAX_TABS = 500;

interface Tab {
  file: string;
  person: Person;
  seen: number;
}

export class Presence {
  private readonly tabs = new Map<string, Tab>();
  private readonly saves = new Map<string, { name: string; hash: string }>();

  /** A beat from an open editor tab; true when who is on that file changed. */
  beat(file: string, tab: string, person: Person, now: Date): boolean {
    const before = this.key(file, now);
    const held = this.tabs.get(tab);
    if (held && held.file !== file) this.tabs.delete(tab);
    this.tabs.delete(tab); // re-inserted last: the map stays in order of last beat
    this.tabs.set(tab, { file, person, seen: now.getTime() });
    while (this.tabs.size > MAX_TABS) this.tabs.delete(this.tabs.keys().next().value!);
    return this.key(file, now) !== before || (held !== undefined && held.file !== file);
  }

  /** The tab was closed; true when who is on that file changed. */
  leave(file: string, tab: string, now: Date): boolean {
    const before = this.key(file, now);
    if (this.tabs.get(tab)?.file === file) this.tabs.delete(tab);
    return this.key(file, now) !== before;
  }

  /** Forget tabs not heard from in time; the files whose people changed. */
  expire(now: Date): string[] {
    const gone = new Set<string>();
    for (const [id, tab] of this.tabs)
      if (now.getTime() - tab.seen > EXPIRY_MS) {
        this.tabs.delete(id);
        gone.add(tab.file);
      }
    return [...gone];
  }

  /** The people with `file` open (once each, in the order they opened it), but for the tab asking. */
  editing(file: string, now: Date, exceptTab?: string): Person[] {
    const people = new Map<string, Person>();
    for (const [id, tab] of this.tabs)
      if (tab.file === file && id !== exceptTab && now.getTime() - tab.seen <= EXPIRY_MS && !people.has(tab.person.name))
        people.set(tab.person.name, tab.person);
    return [...people.values()];
  }

  /** A save through the editor: who made the file hold `hash`. */
  saved(file: string, person: Person, hash: string): void {
    this.saves.set(file, { name: person.name, hash });
    if (this.saves.size > MAX_TABS) this.saves.delete(this.saves.keys().next().value!);
  }

  /** Who made the file hold what it holds now (its hash), when that was a save through the editor. */
  changedBy(file: string, hashNow: string | undefined): string | undefined {
    const last = this.saves.get(file);
    return last && last.hash === hashNow ? last.name : undefined;
  }

  private key(file: string, now: Date): string {
    return this.editing(file, now)
      .map((p) => p.name)
      .join('\n');
  }
}

/** "Priya Shah is editing this issue", "Priya Shah and Sam Lee are editing this issue", or nothing. */
export function editingWords(people: readonly Person[], what = 'this issue'): string | undefined {
  const names = people.map((p) => p.name);
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `${list} ${names.length === 1 ? 'is' : 'are'} editing ${what}`;
}

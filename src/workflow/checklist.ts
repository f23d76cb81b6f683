// The checklist `newsletter new` leaves with a new issue ("review the closing date, past events,
// the reviews window…"), kept beside the issue file as checklist.json so the studio can show it
// and tick it off: an item is ticked when its field is saved from the editor, or by hand, and the
// file goes when every item is done. The file is read as hostile: a damaged one is no checklist.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic.js';
import { issueDir } from '../files/project-paths.js';

export const CHECKLIST_FILE = 'checklist.json';

const Step = z.union([z.string().max(100), z.number().int().nonnegative().max(10_000)]);
const Item = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  text: z.string().min(1).max(500),
  /** The fields whose change ticks the item (paths in the issue file). */
  fields: z.array(z.array(Step).max(12)).max(20),
  done: z.boolean(),
});
const Checklist = z.strictObject({ items: z.array(Item).max(50) });
export type ChecklistItem = z.infer<typeof Item>;
type FieldPath = readonly (string | number)[];

const fileOf = (contentDir: string, id: string) => path.join(issueDir({ content: contentDir }, id), CHECKLIST_FILE);

/** The issue's checklist; empty when there is none, or when its file is not one. */
export async function readChecklist(contentDir: string, id: string): Promise<ChecklistItem[]> {
  let text: string;
  try {
    text = await readFile(fileOf(contentDir, id), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  try {
    const parsed = Checklist.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.items : [];
  } catch {
    return [];
  }
}

/** Keep the checklist; once every item is done it is removed. */
export async function writeChecklist(contentDir: string, id: string, items: readonly ChecklistItem[]): Promise<void> {
  if (items.every((i) => i.done)) return rm(fileOf(contentDir, id), { force: true });
  await writeFileAtomic(fileOf(contentDir, id), `${JSON.stringify({ items }, null, 2)}\n`);
}

/** Items ticked by hand (`ids`) or by a saved change to one of their fields (`saved`). */
export function tickItems(items: readonly ChecklistItem[], by: { ids?: readonly string[]; saved?: readonly FieldPath[] }): ChecklistItem[] {
  // A change at the field or inside it; moving whole sections about ticks nothing.
  const touches = (f: FieldPath, p: FieldPath) => p.length >= f.length && f.every((s, i) => p[i] === s);
  return items.map((item) =>
    item.done || by.ids?.includes(item.id) || item.fields.some((f) => by.saved?.some((p) => touches(f, p)))
      ? { ...item, done: true }
      : item,
  );
}

/** Tick items of an issue's checklist on disk; returns what stands after. */
export async function tickChecklist(
  contentDir: string,
  id: string,
  by: { ids?: readonly string[]; saved?: readonly FieldPath[] },
): Promise<ChecklistItem[]> {
  const items = await readChecklist(contentDir, id);
  if (items.length === 0) return items;
  const ticked = tickItems(items, by);
  if (ticked.some((t, i) => t.done !== items[i]!.done)) await writeChecklist(contentDir, id, ticked);
  return ticked.every((i) => i.done) ? [] : ticked;
}

// The edge of the editor: reading a content file for a form, and saving edits to it. Saves to one
// file run one after another (a queue per file), so two quick saves never read the same text
// and the second never looks like a conflict with the first. Writes are atomic.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomicIf } from '../files/atomic.js';
import { LockBusy, lockBeside, stillHolds } from '../files/lock.js';
import { hashText, parseForEdit } from './edit.js';
import { dataAt } from './path-guard.js';
import { editableFile } from './files.js';
import { planSave, type SaveOutcome } from './merge.js';
import { fieldLabel } from './labels.js';
import type { EditOp, FieldPath } from './paths.js';
import { describe, keyOrderOf } from './schema-walk.js';
import type { z } from 'zod';
import { type FieldMessage, validateText } from './validate.js';

/** How long a save keeps merging again on a file that keeps changing under it before it gives up. */
const RETRY_MS = 10_000;

export interface OpenedFile {
  name: string;
  text: string;
  hash: string;
}

export class ContentEditor {
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Texts forms were built from, by hash: what a later save is merged against. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly contentDir: string,
    private readonly remember = 64,
  ) {}

  /** Read a file for a form; undefined when the name is not on the allow-list or the file is absent. */
  async open(name: string): Promise<OpenedFile | undefined> {
    if (!editableFile(name)) return undefined;
    const text = await this.read(name);
    return text === undefined ? undefined : { name, text, hash: this.note(text) };
  }

  /** The text a form was built from, while it is remembered. */
  known(hash: string): string | undefined {
    return this.seen.get(hash);
  }

  /** Apply a form's edits to the file as it is now, in turn with every other save to it. */
  save(name: string, baseHash: string, ops: readonly EditOp[]): Promise<SaveOutcome> {
    const file = editableFile(name);
    if (!file) return Promise.resolve({ kind: 'refused', reason: `${name} is not a content file the editor may change` });
    // Within this process saves queue; across processes the lock beside the file holds the whole
    // read–merge–write; a program that ignores the lock (a text editor, git) is caught by the
    // compare made just before the rename, and the merge is made again on what it wrote.
    const run = async (): Promise<SaveOutcome> => {
      let release: (() => Promise<void>) | undefined;
      try {
        release = await lockBeside(this.pathOf(name));
      } catch (e) {
        if (e instanceof LockBusy)
          return { kind: 'refused', reason: `content/${name} is being saved by another newsletter process — save again in a moment` };
        throw e;
      }
      try {
        const until = Date.now() + RETRY_MS;
        for (let attempt = 1; ; attempt++) {
          const disk = await this.read(name);
          if (disk === undefined) return { kind: 'refused', reason: `${name} is no longer there — it was moved or deleted` };
          const label = (p: FieldPath, data: unknown) => fieldLabel(file.schema, data, p);
          const outcome = planSave(this.seen.get(baseHash), disk, ops, keyOrderOf(describe(file.schema)), label);
          if (outcome.kind === 'saved' && outcome.text !== disk) {
            const refused = contentRulesRefuse(`content/${name}`, disk, outcome.text, file.schema);
            if (refused) return refused;
            const target = this.pathOf(name);
            if (!(await writeFileAtomicIf(target, outcome.text, () => stillHolds(target, disk)))) {
              if (Date.now() < until) continue;
              return {
                kind: 'refused',
                reason: `content/${name} kept changing on disk while it was being saved, so nothing was saved — save again in a moment`,
              };
            }
          }
          if (outcome.kind !== 'refused') this.note(outcome.kind === 'saved' ? outcome.text : disk);
          return outcome.kind === 'saved' && attempt > 1 ? { ...outcome, merged: true } : outcome;
        }
      } finally {
        await release();
      }
    };
    const previous = this.queues.get(name) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.queues.set(name, settled);
    void settled.then(() => {
      if (this.queues.get(name) === settled) this.queues.delete(name);
    });
    return next;
  }

  private note(text: string): string {
    const hash = hashText(text);
    this.seen.delete(hash);
    this.seen.set(hash, text);
    if (this.seen.size > this.remember) this.seen.delete(this.seen.keys().next().value!);
    return hash;
  }

  private pathOf(name: string): string {
    return path.join(this.contentDir, ...name.split('/'));
  }

  private async read(name: string): Promise<string | undefined> {
    try {
      // As the loader does: a link leading outside content/ is not followed.
      const [root, real] = await Promise.all([realpath(this.contentDir), realpath(this.pathOf(name))]);
      const rel = path.relative(root, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
      return await readFile(real, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }
}

/**
 * A save the content rules refuse is not written, as the loader would not read it: a subject with
 * a line break, an unknown key. Problems the file already had on disk are not the save's doing and
 * do not stop it (the person may be fixing another one); nor does a field left empty, which is
 * still to be filled in — a new section is saved with its fields empty, and the form names each.
 */
function contentRulesRefuse(shown: string, disk: string, text: string, schema: z.ZodType): SaveOutcome | undefined {
  const key = (m: FieldMessage) => `${m.path.join('.')}\u0000${m.message}`;
  const before = new Set(validateText(shown, disk, schema).map(key));
  const data = parseForEdit(text)?.toJS() as unknown;
  const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  const added = validateText(shown, text, schema).filter((m) => !before.has(key(m)) && !empty(dataAt(data, m.path)));
  if (added.length === 0) return undefined;
  return {
    kind: 'refused',
    reason: `nothing was saved: the content rules refuse it — ${added.map((m) => m.line).join('; ')}`,
    messages: added,
  };
}

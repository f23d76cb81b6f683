// `build` is incremental: .cache/build-state.json records, for each issue, the key its files were
// built from (the code version and a hash of everything the render reads) and, for each file
// written, the hash of its bytes and its stamp (files/stamps.ts). A build whose key matches and
// whose files are still as written renders and writes nothing for that issue. It also records the
// last whole build that went through: what it was asked, the stamps of everything it read, what it
// wrote and what it said; the same build asked again with nothing changed only says it again.
// Files are still only ever replaced whole (files/atomic.ts); the record is written last, so a
// build killed half-way only makes the next one do more.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersion } from '../../code-version.js';
import type { Content, Issue } from '../../content/schema.js';
import { writeFileAtomic } from '../../files/atomic.js';
import { previousIssue } from '../../render/model.js';
import type { TemplateSources } from '../../render/templates.js';
import { hashOf, stampNow, stillWritten, type Written } from '../../files/stamps.js';
import { byCodePoint } from '../../order.js';

/** The only files an issue's record may name: it is read from disk, and names nothing outside an issue's folder. */
const OUTPUTS = ['email.html', 'email.txt', 'web.html', 'issue.mjml'];

interface Built {
  key: string;
  files: Record<string, Written>;
}

/** A build that went through: its key, the hash of its inputs' stamps, the files it stands for (from the project root) and its lines. */
export interface LastRun {
  key: string;
  inputs: string;
  outputs: Record<string, Written>;
  said: ['out' | 'err', string][];
}

interface State {
  version: 2;
  issues: Record<string, Built>;
  last?: LastRun;
}

/** What the render reads besides the issue: hashed once per build, not once per issue. */
export function sharedKey(content: Content, templates: TemplateSources): string {
  const sources = JSON.stringify(Object.entries(templates).sort(([a], [b]) => byCodePoint(a, b)));
  return hashOf(JSON.stringify([hashOf(JSON.stringify([content.newsletter, content.regions, content.reviews])), hashOf(sources)]));
}

/** What a draft's render reads: the issue, the one before it (its send time), the shared files and templates (sharedKey). */
export function renderKey(content: Content, issue: Issue, shared: string): string {
  return hashOf(JSON.stringify([codeVersion(), 'render', issue, previousIssue(content, issue)?.sendAt ?? null, shared]));
}

/** What a sent issue's files are: its sent record. */
export function sentKey(snapshot: { hash: string; web: string }): string {
  return hashOf(JSON.stringify([codeVersion(), 'sent', snapshot.hash, hashOf(snapshot.web)]));
}

export class BuildState {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly state: State,
  ) {}

  /** The record in `file` (.cache/build-state.json of the project at `root`): dist/ holds only what was built. */
  static async open(file: string, root: string): Promise<BuildState> {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    return new BuildState(file, root, (text !== undefined && parseState(text)) || { version: 2, issues: {} });
  }

  /** True when the issue's files in `dir` were built from `key` and are still as written. */
  async upToDate(id: string, key: string, dir: string): Promise<boolean> {
    const built = this.state.issues[id];
    return built?.key === key && (await this.intact(built.files, (name) => path.join(dir, name)));
  }

  /** Files written for an issue, with their stamps now (just after writing). */
  record(id: string, key: string, dir: string, files: Record<string, string>): void {
    this.state.issues[id] = { key, files: writtenNow(files, (name) => path.join(dir, name)) };
    this.changed = true;
  }

  /** An issue's files as recorded, named from the project root, for the record of the whole build. */
  filesOf(id: string, dir: string): Record<string, Written> {
    const files = this.state.issues[id]?.files ?? {};
    return Object.fromEntries(Object.entries(files).map(([name, w]) => [path.relative(this.root, path.join(dir, name)), w]));
  }

  /** The last build, when it had this key and these inputs and its files are all still as written. */
  async lastRun(key: string, inputs: string): Promise<LastRun | undefined> {
    const last = this.state.last;
    if (!last || last.key !== key || last.inputs !== inputs) return undefined;
    return (await this.intact(last.outputs, (name) => path.join(this.root, name))) ? last : undefined;
  }

  recordRun(run: Omit<LastRun, 'outputs'>, outputs: Record<string, Written>, written: Record<string, string> = {}): void {
    this.state.last = { ...run, outputs: { ...outputs, ...writtenNow(written, (name) => path.join(this.root, name)) } };
    this.changed = true;
  }

  async save(): Promise<void> {
    if (this.changed) await writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 1)}\n`);
  }

  /** Every file still as written; a racy one found right keeps its new stamp, so the next build trusts it. */
  private async intact(files: Record<string, Written>, where: (name: string) => string): Promise<boolean> {
    for (const [name, written] of Object.entries(files)) {
      const stamp = await stillWritten(where(name), written);
      if (stamp === undefined) return false;
      if (stamp !== written.stamp) {
        written.stamp = stamp;
        this.changed = true;
      }
    }
    return true;
  }
}

function writtenNow(files: Record<string, string>, where: (name: string) => string): Record<string, Written> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, { hash: hashOf(text), stamp: stampNow(where(name)) }]));
}

const isWritten = (w: unknown): w is Written =>
  typeof w === 'object' && w !== null && typeof (w as Written).hash === 'string' && typeof (w as Written).stamp === 'string';

/** A name from the record of the whole build: a file under dist/, never outside it. */
const inDist = (name: string) => !path.isAbsolute(name) && name.split(/[\\/]/)[0] === 'dist' && !name.split(/[\\/]/).includes('..');

function parseState(text: string): State | undefined {
  try {
    const data = JSON.parse(text) as State;
    if (data?.version !== 2 || typeof data.issues !== 'object' || data.issues === null) return undefined;
    const ok = Object.values(data.issues).every(
      (b) =>
        typeof b?.key === 'string' &&
        typeof b.files === 'object' &&
        b.files !== null &&
        Object.entries(b.files).every(([name, w]) => OUTPUTS.includes(name) && isWritten(w)),
    );
    const last = data.last;
    const lastOk =
      last === undefined ||
      (typeof last?.key === 'string' &&
        typeof last.inputs === 'string' &&
        typeof last.outputs === 'object' &&
        last.outputs !== null &&
        Object.entries(last.outputs).every(([name, w]) => inDist(name) && isWritten(w)) &&
        Array.isArray(last.said) &&
        last.said.every((l) => Array.isArray(l) && (l[0] === 'out' || l[0] === 'err') && typeof l[1] === 'string'));
    // A hand-edited or damaged record only means building everything again.
    if (!ok || !lastOk) return undefined;
    return Object.assign(Object.create(null) as State, {
      version: 2 as const,
      issues: Object.assign(Object.create(null), data.issues),
      ...(last ? { last: { ...last, outputs: Object.assign(Object.create(null), last.outputs) } } : {}),
    });
  } catch {
    return undefined;
  }
}

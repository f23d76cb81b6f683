// `build` is incremental: .cache/build-state.json records, for each issue, the key its files were
// built from (the code version and a hash of everything the render reads) and a hash of each file
// written. A build whose key matches and whose files are still as written renders and writes
// nothing for that issue. Files are still only ever replaced whole (files/atomic.ts); the record
// is written last, so a build killed half-way only makes the next one do more.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { codeVersion } from '../../code-version.js';
import type { Content, Issue } from '../../content/schema.js';
import { writeFileAtomic } from '../../files/atomic.js';
import { previousIssue } from '../../render/model.js';
import type { TemplateSources } from '../../render/templates.js';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
/** The only files a record may name: it is read from disk, and names nothing outside an issue's folder. */
const OUTPUTS = ['email.html', 'email.txt', 'web.html', 'issue.mjml'];

interface Built {
  key: string;
  files: Record<string, string>;
}

interface State {
  version: 1;
  issues: Record<string, Built>;
}

/** What a draft's render reads: the issue, the one before it (its send time), the shared files, the templates. */
export function renderKey(content: Content, issue: Issue, templates: TemplateSources): string {
  const shared = JSON.stringify([content.newsletter, content.regions, content.reviews]);
  const sources = JSON.stringify(Object.entries(templates).sort(([a], [b]) => a.localeCompare(b)));
  return sha256(
    JSON.stringify([codeVersion(), 'render', issue, previousIssue(content, issue)?.sendAt ?? null, sha256(shared), sha256(sources)]),
  );
}

/** What a sent issue's files are: its sent record. */
export function sentKey(snapshot: { hash: string; web: string }): string {
  return sha256(JSON.stringify([codeVersion(), 'sent', snapshot.hash, sha256(snapshot.web)]));
}

export class BuildState {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly state: State,
  ) {}

  /** The record in `file` (.cache/build-state.json of the project): dist/ holds only what was built. */
  static async open(file: string): Promise<BuildState> {
    const empty: State = { version: 1, issues: {} };
    const state = await readFile(file, 'utf8').then(
      (text) => parseState(text) ?? empty,
      () => empty,
    );
    return new BuildState(file, state);
  }

  /** True when the issue's files in `dir` were built from `key` and are still as written. */
  async upToDate(id: string, key: string, dir: string): Promise<boolean> {
    const built = this.state.issues[id];
    if (!built || built.key !== key) return false;
    for (const [name, hash] of Object.entries(built.files)) {
      const text = await readFile(path.join(dir, name)).catch(() => undefined);
      if (!text || sha256(text) !== hash) return false;
    }
    return true;
  }

  record(id: string, key: string, files: Record<string, string>): void {
    this.state.issues[id] = { key, files: Object.fromEntries(Object.entries(files).map(([n, t]) => [n, sha256(t)])) };
    this.changed = true;
  }

  async save(): Promise<void> {
    if (this.changed) await writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 1)}\n`);
  }
}

function parseState(text: string): State | undefined {
  try {
    const data = JSON.parse(text) as State;
    if (data?.version !== 1 || typeof data.issues !== 'object' || data.issues === null) return undefined;
    const ok = Object.values(data.issues).every(
      (b) =>
        typeof b?.key === 'string' &&
        typeof b.files === 'object' &&
        b.files !== null &&
        Object.entries(b.files).every(([name, h]) => OUTPUTS.includes(name) && typeof h === 'string'),
    );
    // A hand-edited or damaged record only means building everything again.
    return ok
      ? Object.assign(Object.create(null) as State, { version: 1 as const, issues: Object.assign(Object.create(null), data.issues) })
      : undefined;
  } catch {
    return undefined;
  }
}

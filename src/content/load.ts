// Load and validate the content folder. `parseContent` is pure (sources in, content or errors out);
// `readContentSources` is the only part that touches the disk.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { type ContentError, zodIssuesToErrors } from './errors.js';
import { type Content, type Issue, IssueFile, Newsletter, Regions, ReviewRegistry } from './schema.js';
import { parsedKey, type ParsedStore } from './parsed-cache.js';
import { withSendTime } from '../time/uk.js';
import { parseYaml, type SourceFile, tooLarge, YAML_LIMITS } from './yaml.js';
import { issueFileName, issuesDir as issuesDirOf } from '../files/project-paths.js';
import { byCodePoint } from '../order.js';

export const CONTENT_FILES = { newsletter: 'newsletter.yaml', regions: 'regions.yaml', reviews: 'reviews.yaml' } as const;
export const ISSUE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface ContentSources {
  /** Path of the content folder as shown to people, e.g. "content". */
  root: string;
  newsletter?: SourceFile;
  regions?: SourceFile;
  reviews?: SourceFile;
  issues: { id: string; source: SourceFile }[];
}

export interface LoadResult {
  /** Present when the shared files are valid; issues with errors are left out of it. */
  content?: Content;
  errors: ContentError[];
  /** Ids of issues that failed to load, so a command about another issue can still run. */
  brokenIssues: string[];
}

/** `store`: parsed content kept between runs (parsed-cache.ts), with the version of the code that made it. */
export interface KeptParses {
  store: ParsedStore;
  version: string;
}

export function parseContent(sources: ContentSources, kept?: KeptParses): LoadResult {
  const errors: ContentError[] = [];
  const shared = (key: keyof typeof CONTENT_FILES) => {
    const source = sources[key];
    if (source) return source;
    const file = `${sources.root}/${CONTENT_FILES[key]}`;
    errors.push({ file, position: { line: 1, column: 1 }, field: '', message: `the file is missing — create ${file}` });
    return undefined;
  };
  const newsletter = validate(shared('newsletter'), Newsletter, errors, kept && { ...kept, schema: 'newsletter' });
  const regions = validate(shared('regions'), Regions, errors, kept && { ...kept, schema: 'regions' });
  const registry = validate(shared('reviews'), ReviewRegistry, errors, kept && { ...kept, schema: 'reviews' });

  const issues: Issue[] = [];
  const brokenIssues: string[] = [];
  for (const { id, source } of sources.issues) {
    if (!ISSUE_ID.test(id)) {
      errors.push({ file: source.file, position: { line: 1, column: 1 }, field: '', message: `"${id}" is not a usable issue id — name the folder with lower-case letters, digits and dashes, e.g. 2022-04` });
      brokenIssues.push(id);
      continue;
    }
    const before = errors.length;
    const file = validate(source, IssueFile, errors, kept && { ...kept, schema: 'issue' });
    if (file && errors.length === before) issues.push({ ...file, sendAt: withSendTime(file.sendAt, newsletter?.defaultSendTime ?? '09:00'), id, file: source.file });
    else brokenIssues.push(id);
  }
  issues.sort((a, b) => byCodePoint(a.sendAt, b.sendAt) || byCodePoint(a.id, b.id));
  const content = newsletter && regions && registry ? { newsletter, regions, reviews: registry.reviews, issues } : undefined;
  return { content, errors, brokenIssues };
}

type Validated = { data?: unknown; errors: ContentError[] };

/**
 * Parsing is pure: the same file text always gives the same result, so the last result of each
 * file is remembered with what it was made from, and compared field by field. (A key joined from
 * every file's text cost more than the rest of a studio's reload at 100 issues: 1.5 MB of new
 * string, hashed, then collected, on every save.) Bounded, oldest first.
 */
const lastParses = new Map<string, { version: string; refused: string; text: string; result: Validated }>();
const LAST_PARSES = 1024;

function validated(source: SourceFile, version: string, compute: () => Validated): Validated {
  const last = lastParses.get(source.file);
  const refused = source.refused ?? '';
  if (last && last.version === version && last.refused === refused && last.text === source.text) return last.result;
  const result = compute();
  lastParses.delete(source.file);
  lastParses.set(source.file, { version, refused, text: source.text, result });
  if (lastParses.size > LAST_PARSES) lastParses.delete(lastParses.keys().next().value!);
  return result;
}

function validate<T extends z.ZodType>(
  source: SourceFile | undefined,
  schema: T,
  errors: ContentError[],
  kept?: KeptParses & { schema: string },
): z.infer<T> | undefined {
  if (!source) return undefined;
  const result = validated(source, kept?.version ?? '', () => {
    const key = kept && parsedKey(kept.version, kept.schema, source.file, source.text, source.refused);
    // A kept parse skips the YAML only: it is a file on disk like any other, so zod checks it again,
    // and it is used only if that gives back the very same data.
    const known = kept && kept.store.read(source.file, key!);
    const rechecked = known === undefined ? undefined : schema.safeParse(known);
    if (rechecked?.success && isDeepStrictEqual(rechecked.data, known)) return { data: deepFreeze(rechecked.data), errors: [] };
    const parsed = parseYaml(source);
    if (Array.isArray(parsed)) return { errors: parsed.map((e) => ({ file: e.file, position: e.position, field: '', message: e.message })) };
    const checked = schema.safeParse(parsed.data ?? {});
    // Frozen, because the same object is handed to every caller from now on.
    if (!checked.success) return { errors: zodIssuesToErrors(checked.error.issues, parsed, schema) };
    kept?.store.write(source.file, key!, checked.data);
    return { data: deepFreeze(checked.data), errors: [] };
  });
  errors.push(...result.errors);
  return result.data as z.infer<T> | undefined;
}

/** Read content/ from disk. `shownRoot` is how the folder is named in messages. */
export async function readContentSources(dir: string, shownRoot = path.relative(process.cwd(), dir) || '.'): Promise<ContentSources> {
  // Only files inside content/ are read, even through symbolic links: content is published, and a
  // link to ~/.ssh or /etc would publish whatever it points at. Files are small and read in one go
  // (a promise each costs more than the reading), after their size is known.
  const realRoot = realpathSync(dir);
  const read = (name: string): SourceFile | undefined => {
    const file = `${shownRoot}/${name}`;
    try {
      const real = realpathSync(path.join(dir, name));
      const rel = path.relative(realRoot, real);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return { file, text: '', refused: outside(shownRoot) };
      const stats = statSync(real);
      if (!stats.isFile()) return { file, text: '', refused: `this is not a file — replace it with the ${path.basename(name)} file` };
      if (stats.size > YAML_LIMITS.bytes) return { file, text: '', refused: tooLarge(stats.size) };
      return { file, text: readFileSync(real, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      if (code === 'EACCES' || code === 'EPERM' || code === 'ELOOP') return { file, text: '', refused: `the file cannot be read (${code}) — check its permissions and links` };
      throw e;
    }
  };
  const issues: ContentSources['issues'] = [];
  const issuesDir = issuesDirOf({ content: dir });
  const entries = existsSync(issuesDir) ? readdirSync(issuesDir, { withFileTypes: true }) : [];
  for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    // An issue folder may be a link to another folder of content/; `read` refuses one that leads outside.
    if (!entry.isDirectory() && !(entry.isSymbolicLink() && isFolder(path.join(issuesDir, entry.name)))) continue;
    const source = read(issueFileName(entry.name));
    if (source) issues.push({ id: entry.name, source });
  }
  return {
    root: shownRoot,
    newsletter: read(CONTENT_FILES.newsletter),
    regions: read(CONTENT_FILES.regions),
    reviews: read(CONTENT_FILES.reviews),
    issues,
  };
}

function outside(shownRoot: string): string {
  return `this file is reached through a symbolic link that leads outside ${shownRoot}/ — the tool reads content only from inside ${shownRoot}/: copy the file here instead of linking to it`;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

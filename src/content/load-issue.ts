// Load one issue and only what its render needs: the shared files, the issue, and the issue sent
// before it (for "changed since the last issue"). `check 2022-04` then costs the same with 1 issue
// in content/issues/ as with 100. Pure, like parseContent: sources in, content or errors out.
import type { Issue } from './schema.js';
import { type ContentSources, type KeptParses, type LoadResult, parseContent } from './load.js';
import { byCodePoint } from '../order.js';

/** The send time written at the top level of an issue file, read without parsing it; undefined if unclear. */
export function sendAtWritten(text: string): string | undefined {
  return /^sendAt:[ \t]*(["']?)(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?)\1[ \t]*(?:#.*)?$/m.exec(text)?.[2];
}

/**
 * `parseContent` over the shared files, issue `id` and the issues that could come just before it.
 * Those are parsed newest first, from the send time their text shows, until the one before is
 * found; a file whose send time cannot be read so is always parsed. An unknown id loads all, so
 * the error can name every issue.
 */
export function parseContentFor(sources: ContentSources, id: string, kept?: KeptParses): LoadResult {
  const target = sources.issues.find((i) => i.id === id);
  if (!target) return parseContent(sources, kept);
  const others = sources.issues.filter((i) => i !== target).map((i) => ({ i, at: sendAtWritten(i.source.text) }));
  const taken = [target, ...others.filter((o) => o.at === undefined).map((o) => o.i)];
  let result = parseContent({ ...sources, issues: taken }, kept);
  const self = result.content?.issues.find((i) => i.id === id);
  if (!self) return result;
  const day = (sendAt: string) => sendAt.slice(0, 10);
  const before = (): Issue | undefined => result.content?.issues.filter((i) => i.sendAt < self.sendAt).at(-1);
  const candidates = others.filter((o) => o.at !== undefined && day(o.at) <= day(self.sendAt)).sort((a, b) => byCodePoint(b.at!, a.at!));
  for (const c of candidates) {
    const found = before();
    // Written send times only go down from here: none left can come after the one found.
    if (found && day(c.at!) < day(found.sendAt)) break;
    taken.push(c.i);
    result = parseContent({ ...sources, issues: taken }, kept);
  }
  return result;
}

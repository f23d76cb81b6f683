// Parsed content kept between runs is used only when it is exactly what zod gives: a kept parse
// is a file on disk, checked like any other.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent, readContentSources } from '../../src/content/load.js';
import type { ParsedStore } from '../../src/content/parsed-cache.js';
import { REPO } from '../helpers/project.js';

const APRIL = 'content/issues/2022-04/issue.yaml';

/** A store that answers with what it holds for a file, whatever the key (as a tampered file would). */
function memoryStore(): ParsedStore & { kept: Map<string, unknown>; writes: string[] } {
  const kept = new Map<string, unknown>();
  const writes: string[] = [];
  return { kept, writes, read: (file) => kept.get(file), write: (file, _key, data) => void (writes.push(file), kept.set(file, data)) };
}

describe('parsed content kept between runs', () => {
  it('keeps each valid file, and takes it back instead of parsing again', async () => {
    const sources = await readContentSources(path.join(REPO, 'content'), 'content');
    const store = memoryStore();
    // Versions no other test uses, so the in-process memory of parses does not answer first.
    const fresh = parseContent(sources, { store, version: 'kept-1' });
    expect(store.writes.sort()).toEqual([APRIL, 'content/newsletter.yaml', 'content/regions.yaml', 'content/reviews.yaml']);
    store.writes.length = 0;
    const again = parseContent(sources, { store, version: 'kept-2' });
    expect(store.writes).toEqual([]);
    expect(again).toEqual(fresh);
  });

  it('parses the file again when the kept parse is not what the schema gives', async () => {
    const sources = await readContentSources(path.join(REPO, 'content'), 'content');
    const store = memoryStore();
    const fresh = parseContent(sources, { store, version: 'kept-3' });
    // Tampered with on disk: a link no content file may hold.
    const data = structuredClone(store.kept.get(APRIL)) as { sections: { body?: string }[] };
    data.sections[0]!.body = '[click](javascript:alert(1))';
    store.kept.set(APRIL, data);
    store.writes.length = 0;
    const again = parseContent(sources, { store, version: 'kept-4' });
    expect(again).toEqual(fresh);
    expect(store.writes).toEqual([APRIL]);
  });
});

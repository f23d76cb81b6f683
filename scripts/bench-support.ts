// What the benchmarks share: the median, and a studio over a throwaway copy of the project.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPaths } from '../src/pipeline.js';
import { type PreviewServer, startPreview } from '../src/server/server.js';
import { openStore } from '../src/state/store.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface BenchStudio {
  /** The copy of the project the studio serves. */
  root: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/**
 * The preview studio on an ephemeral loopback port, over a copy of content/ and templates/ of
 * `from` (the repository, or a bench fixture); `drafts` lose their sent record there, so the
 * editor opens them.
 */
export async function benchStudio(o: { drafts?: string[]; from?: string } = {}): Promise<BenchStudio> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsletter-bench-'));
  const from = o.from ?? ROOT;
  await cp(path.join(from, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(from, 'templates'), path.join(root, 'templates'), { recursive: true });
  for (const id of o.drafts ?? []) await rm(path.join(root, 'content', 'issues', id, 'sent'), { recursive: true, force: true });
  const store = openStore(path.join(root, 'state.db'));
  const server = await startPreview({
    paths: projectPaths(root),
    store,
    secret: 'bench-secret-0123456789abcdefghij',
    mode: 'studio',
    port: 0,
  });
  return {
    root,
    server,
    async close() {
      await server.close();
      store.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

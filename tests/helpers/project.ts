// A throwaway copy of the project's content/ and templates/ to break or edit in a test.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPaths, type ProjectPaths } from '../../src/pipeline.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface TempProject {
  paths: ProjectPaths;
  root: string;
  read(rel: string): Promise<string>;
  write(rel: string, text: string): Promise<void>;
  /** Replace text in a file; fails the test if the text is not there. */
  edit(rel: string, from: string | RegExp, to: string): Promise<void>;
  remove(): Promise<void>;
}

export async function tempProject(): Promise<TempProject> {
  const root = await mkdtemp(path.join(tmpdir(), 'newsletter-'));
  await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  const abs = (rel: string) => path.join(root, rel);
  return {
    paths: projectPaths(root),
    root,
    read: (rel) => readFile(abs(rel), 'utf8'),
    write: (rel, text) => writeFile(abs(rel), text),
    async edit(rel, from, to) {
      const before = await readFile(abs(rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`tempProject.edit: ${String(from)} not found in ${rel}`);
      await writeFile(abs(rel), after);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Make a sent issue a draft again: its file no longer says sent, and its record of what was sent is gone. */
export async function makeDraft(project: TempProject, id = '2022-04'): Promise<void> {
  await project.edit(`content/issues/${id}/issue.yaml`, /^status: sent\n/m, '');
  await rm(path.join(project.root, 'content/issues', id, 'sent'), { recursive: true, force: true });
}

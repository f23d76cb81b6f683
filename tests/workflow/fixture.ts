// A throwaway project whose April 2022 issue is a draft again, with its own state store.
import path from 'node:path';
import { openStore, type Store } from '../../src/state/store.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';

export const APRIL = 'content/issues/2022-04/issue.yaml';
export const NOW = new Date('2022-03-30T10:00:00Z');
export const now = () => NOW;

export async function draftProject(): Promise<{ project: TempProject; store: Store; close(): Promise<void> }> {
  const project = await tempProject();
  await makeDraft(project);
  const store = openStore(path.join(project.root, '.newsletter', 'state.db'), now);
  return {
    project,
    store,
    async close() {
      store.close();
      await project.remove();
    },
  };
}

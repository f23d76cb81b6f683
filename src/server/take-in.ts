// Changed files taken into the workspace, and open pages told (issue 27: a save reaches the page
// without waiting out a fixed settle time). The watcher looks twice (http/live.ts): soon after a
// save's events, and once they have settled. The first look is taken at once unless it brings a
// problem that was not there before: that may be a file read half-written (between an editor's
// truncate and its write), so it is neither shown nor told until the settled look reads the files
// again. Looks run one after another, each on the workspace as the one before left it.
import type { Workspace } from '../workspace/workspace.js';

export interface TakeIn {
  /** After the workspace took in a change (never a held-back one): import records, tell pages. */
  taken(files: readonly string[], issues: string[] | 'all'): Promise<void>;
  onError(e: unknown): void;
}

/** The watcher's callback: `(files, settled)`, as `watchFolders` calls it. */
export function takeInChanges(ws: Workspace, o: TakeIn): (files: string[], settled: boolean) => void {
  let queue: Promise<unknown> = Promise.resolve();
  // The files of a first look held back, to be read again when the writes have settled.
  let held: string[] | undefined;
  const look = async (files: string[], settled: boolean) => {
    if (settled && !held) return; // the first look was taken, and nothing has come since
    const all = [...new Set([...(held ?? []), ...files])];
    const before = new Set(ws.problems('all'));
    const issues = await ws.refresh(all);
    if (!settled && ws.problems('all').some((p) => !before.has(p))) {
      held = all;
      return;
    }
    held = undefined;
    await o.taken(all, issues);
  };
  return (files, settled) => {
    queue = queue.then(() => look(files, settled)).catch(o.onError);
  };
}

// `newsletter build`: dist/ made from content/ and templates/. When the same build went through
// before and no file it read or wrote has changed since (by stamp, files/stamps.ts), it says what
// it said then and stops: nothing is loaded, rendered or written, and the rendering code is not
// even loaded. Otherwise build-full.ts does the work.
import type { ProjectPaths } from '../../files/project-paths.js';
import { cacheDir } from '../../files/project-paths.js';
import { codeVersion } from '../../code-version.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { BuildState } from './build-state.js';
import { hashOf, inputsStamp } from '../../files/stamps.js';

export interface BuildArgs {
  ids: string[];
  site?: boolean;
}

export async function buildCommand(paths: ProjectPaths, args: BuildArgs, io: Io): Promise<number> {
  const state = await BuildState.open(cacheDir(paths.root, 'build-state.json'), paths.root);
  // Stamped before anything is read: a file edited while this build runs is seen by the next one.
  const run = { key: runKey(args), inputs: inputsStamp(paths.root, [paths.content, paths.templates]) };
  // The archive's pages depend on PUBLIC_URL as well: `--site` is always built in full.
  const last = args.site || run.inputs.racy ? undefined : await state.lastRun(run.key, run.inputs.hash);
  if (last) {
    for (const [stream, line] of last.said) io[stream](line);
    await state.save(); // racy stamps found right are kept, so the next build trusts them
    return EXIT.ok;
  }
  const { buildInFull } = await import('./build-full.js');
  return buildInFull(paths, args, io, state, run);
}

/** What makes two builds the same build: the code, the issues asked for, and the folder paths are shown from. */
function runKey(args: BuildArgs): string {
  return hashOf(JSON.stringify([codeVersion(), 'build', args.ids, process.cwd()]));
}

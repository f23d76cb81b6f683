// The studio's young generation kept at its first size. V8 grows a process's young generation
// (two semi-spaces) by doubling it whenever most of what it made survives, as it does while the
// studio loads the archive: to 2 × 16 MB, of which about 9 MB is in use once started (measured at
// 100 issues). Held at its first size it is scavenged more often, which the studio's renders do not
// feel (keystroke → email measured the same), and the studio keeps about 15 MB less after start.
// The growth factor is the only setting V8 reads while running; V8 puts it back to 2 whenever it
// makes a heap, so a worker started meanwhile (the check worker) sets it again.
import v8 from 'node:v8';

const SMALL = '--semi-space-growth-factor=1';
const USUAL = '--semi-space-growth-factor=2';
let kept = false;

/**
 * From now on, the young generation keeps its size; the returned function lets it grow again (and
 * puts V8's usual flags back, which bin/ needs before it writes the code cache).
 */
export function keepYoungGenerationSmall(): () => void {
  kept = true;
  v8.setFlagsFromString(SMALL);
  return () => {
    kept = false;
    v8.setFlagsFromString(USUAL);
  };
}

/** Whether the process keeps its young generation small: a worker it starts says so again (workerData.youngGenerationSmall). */
export function youngGenerationKeptSmall(): boolean {
  return kept;
}

/**
 * Set again, after V8 has put the growth factor back (a worker's heap was made): by this process
 * when it keeps its young generation small, or by a worker it started, which says `asked`
 * (check-worker-start.ts).
 */
export function keepItSmallAgain(asked = kept): void {
  if (asked) v8.setFlagsFromString(SMALL);
}

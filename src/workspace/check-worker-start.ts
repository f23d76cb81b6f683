// The check worker's first module (check-worker.ts starts it): making the worker's heap put the
// process's young-generation growth back to V8's usual factor, so when the studio keeps its own
// young generation small (young-generation.ts) the setting is made again here, before the checks'
// modules are loaded (which takes a while), then the worker itself is loaded.
import { workerData } from 'node:worker_threads';
import { keepItSmallAgain } from './young-generation.js';

keepItSmallAgain((workerData as { youngGenerationSmall?: boolean } | null)?.youngGenerationSmall === true);
await import('./check-worker-main.js');

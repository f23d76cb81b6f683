// vitest's runner, skipping whole test files whose system program is missing (outside CI only;
// see programs.ts). A file's own beforeAll would fail first, so the skip happens before it runs.
import { type RunnerTestSuite, TestRunner } from 'vitest';
import { filesToSkip } from './programs.js';

const skip = filesToSkip();

export default class SkipMissingProgramsRunner extends TestRunner {
  override async onBeforeRunSuite(suite: RunnerTestSuite): Promise<void> {
    if ('filepath' in suite && skip.has(suite.filepath as string)) suite.mode = 'skip';
    await super.onBeforeRunSuite(suite);
  }
}

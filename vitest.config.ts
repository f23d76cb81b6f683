import { defineConfig } from 'vitest/config';
import { staleBuildNotice } from './tests/helpers/built.js';
import { skipNotice } from './tests/helpers/programs.js';

for (const notice of [skipNotice(), staleBuildNotice(import.meta.dirname)]) if (notice) console.warn(notice);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server tests each start their own processes; two workers fit two cores.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server tests each start their own processes; two workers fit two cores.
    maxWorkers: 2,
  },
});

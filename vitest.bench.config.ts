import { defineConfig } from 'vitest/config';

// Huge inputs, run after the benchmark by `npm run bench`: one at a time, nothing else beside them.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    testTimeout: 2_400_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

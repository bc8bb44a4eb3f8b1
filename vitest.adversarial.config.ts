import { defineConfig } from 'vitest/config';

// Crafted 1 MB posts, one per pattern family: run by `npm run adversarial`, not by `npm test`.
export default defineConfig({
  test: {
    include: ['test/adversarial/**/*.adversarial.ts'],
    testTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});

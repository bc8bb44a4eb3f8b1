import { defineConfig } from 'vitest/config';

// `npm run accuracy`: labelled sets and real corpora, each printing precision and recall and
// holding the rules to their measured floors.
export default defineConfig({
  test: {
    include: ['test/accuracy/**/*.test.ts'],
    testTimeout: 300_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// `npm test`: everything but the accuracy suites (`npm run accuracy`) and huge inputs (`npm run bench`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/accuracy/**', 'test/bench/**', '**/node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// `npm run test:data`: the parser over the whole real lists of the project's data set
// (outside the repository; scripts/data/shared-data.ts finds it). Not part of `npm test`,
// whose list checks use the excerpts in tests/fixtures; skipped where the data is absent.
export default defineConfig({
  test: {
    include: ['tests/data/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});

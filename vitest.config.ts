import { defineConfig } from 'vitest/config';

// CI (.ci/run) sets LANDCHECK_TEST_REPORT to collect a JSON summary for its closing line.
const report = process.env.LANDCHECK_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: report ? ['default', 'json'] : ['default'],
    ...(report ? { outputFile: { json: `${report}/vitest.json` } } : {}),
  },
});

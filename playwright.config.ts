// End-to-end tests of the renderer in Debian Chromium (never `npx playwright install`).
// Each spec starts its own local web host (test/e2e/fixtures.ts) with a fresh SQLite file.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 120_000,
  // Waiting for what the page shows, not timing it (speed is measured by `npm run bench`): a loaded
  // machine may take several seconds to import and check a sample.
  expect: { timeout: 15_000 },
  workers: 1,
  // CI (.ci/run) also wants a JSON summary for its closing line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results/artifacts',
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

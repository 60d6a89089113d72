// Browser tests in Debian's Chromium against the built app, started the way `npm start` starts it,
// on a fresh data directory seeded with the demo data (scale 1).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3199);
const dataDir = '.test-output/e2e-data';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  outputDir: '.test-output/playwright-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  },
  webServer: {
    command: `rm -rf ${dataDir} && npx tsx scripts/seed-demo.ts --scale 1 --seed 2026 && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/associations`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { KOHTAAMO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdout: 'pipe',
  },
});

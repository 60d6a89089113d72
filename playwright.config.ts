// Browser tests in Debian's Chromium against the built app, started the way `npm start` starts it,
// on a fresh data directory seeded with the demo data (scale 1) and a small second workspace.
// Specs start signed in as the demo admin unless they choose another account (test/e2e/auth.ts).
// The server's output is also kept in .test-output/server.log, which the privacy spec scans.
import { defineConfig } from '@playwright/test';
import { E2E_PASSWORD, storageStateOf } from './test/e2e/auth';

const port = Number(process.env.E2E_PORT ?? 3199);
const dataDir = '.test-output/e2e-data';

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
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
    storageState: storageStateOf('admin'),
  },
  webServer: {
    command:
      `rm -rf ${dataDir} && npx tsx scripts/seed-demo.ts --scale 1 --seed 2026 --password "$E2E_PASSWORD"` +
      ` && npx tsx scripts/seed-demo.ts --workspace toinen --scale 0.05 --password "$E2E_PASSWORD"` +
      ` && npx tsx scripts/start.ts 2>&1 | tee .test-output/server.log`,
    url: `http://127.0.0.1:${port}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { KOHTAAMO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', E2E_PASSWORD },
    stdout: 'pipe',
  },
});

// Unit tests (`*.test.ts`) and tests against dynalite (`*.int.test.ts`) in every workspace.
// One in-memory dynalite is shared by all integration tests; each test isolates by workspace id.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,functions,infra,test,web}/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'web/.svelte-kit/**', 'web/build/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

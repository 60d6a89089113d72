// Bundle budget: each function's zipped package stays small (cold starts, deploy time).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialiseBundle } from './bundle-init';
import { bundleSize } from './bundle-size';
import { bundleDir, lambdaBundles } from './bundles';

describe('Lambda bundles', () => {
  it.each(lambdaBundles.map((b) => [b.name, b] as const))(
    '%s is within its zipped size budget',
    (_name, bundle) => {
      const dir = bundleDir(bundle.name);
      expect(existsSync(join(dir, 'index.mjs')), 'run `npm run build` first (it bundles the functions)').toBe(
        true,
      );
      const size = bundleSize(dir);
      expect(size.zippedBytes).toBeGreaterThan(1000);
      expect(size.zippedBytes).toBeLessThan(bundle.budgetBytes);
    },
  );

  it.each(lambdaBundles.map((b) => b.name))(
    '%s initialises in a fresh Node process and exports a handler',
    (name) => {
      expect(initialiseBundle(name)).toBeGreaterThan(0);
    },
  );
});

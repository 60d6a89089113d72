// `npm run bundle`: bundles every Lambda function with esbuild (no Docker), minified with source
// maps, ESM for nodejs24.x. The web function needs the SvelteKit build first (`npm run build`).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleDir, lambdaBundles, repoRoot } from '../infra/lambda/bundles';

// Some bundled CommonJS packages call require(); ESM output needs one.
const banner =
  "import { createRequire as __kohtaamoRequire } from 'node:module';const require = __kohtaamoRequire(import.meta.url);";

async function main(): Promise<void> {
  for (const bundle of lambdaBundles) {
    const outdir = bundleDir(bundle.name);
    await rm(outdir, { recursive: true, force: true });
    const result = await build({
      entryPoints: [join(repoRoot, bundle.entry)],
      outfile: join(outdir, 'index.mjs'),
      bundle: true,
      platform: 'node',
      target: 'node24',
      format: 'esm',
      minify: true,
      sourcemap: true,
      sourcesContent: false,
      legalComments: 'none',
      banner: { js: banner },
      logLevel: 'warning',
      metafile: true,
      // One tsconfig for every file (web/tsconfig.json extends SvelteKit's generated one).
      tsconfig: join(repoRoot, 'tsconfig.json'),
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`${bundle.name}: ${(bytes / 1024).toFixed(0)} KiB`);
  }
}

await main();

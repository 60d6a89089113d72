// What the browser gets: no server module in any client chunk of the built app. SvelteKit's own
// server-only guard sees only files inside web/, so a component that imports a shared/ store (or a
// pure-looking module that imports one) would ship the DynamoDB client to every visitor; the lint
// rule in eslint.config.js stops the direct import, and this check stops what slips past it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainPages, pageJavaScript, readClientChunks, serverCodeInClient } from './client-chunks';
import { CLIENT_MODULES_FILE } from './client-modules';

/** A client output on disk with the given chunks: file → [modules, code]. */
function fakeOutput(chunks: Record<string, [string[], string]>): string {
  const output = mkdtempSync(join(tmpdir(), 'kohtaamo-client-chunks-'));
  const modules: Record<string, string[]> = {};
  for (const [file, [ids, code]] of Object.entries(chunks)) {
    const path = join(output, 'client', file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
    modules[file] = ids;
  }
  mkdirSync(join(output, 'client', '.vite'), { recursive: true });
  writeFileSync(join(output, 'client', CLIENT_MODULES_FILE), JSON.stringify(modules));
  fakes.push(output);
  return output;
}
const fakes: string[] = [];
afterAll(() => fakes.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const svelteChunk: [string[], string] = [['node_modules/svelte/src/index-client.js'], 'export const a=1;'];

describe('client chunks of the built app', () => {
  it('hold no store module, no db or storage module and no AWS SDK code', () => {
    const chunks = readClientChunks();
    expect(chunks.length).toBeGreaterThan(10);
    expect(serverCodeInClient(chunks)).toEqual([]);
  });

  it('include the public feedback form, so the check sees the page that once shipped the DynamoDB client', () => {
    const modules = readClientChunks().flatMap((chunk) => chunk.modules ?? []);
    expect(modules).toContain('web/src/lib/components/FeedbackForm.svelte');
    expect(modules).toContain('shared/src/event/event-feedback.ts');
  });

  it('are measured per main page: gzipped JavaScript from the build manifest', async () => {
    const pages = await pageJavaScript(mainPages);
    for (const page of pages) {
      console.log(
        `${page.route.padEnd(14)} ${(page.gzippedBytes / 1024).toFixed(1).padStart(6)} KiB gzipped ` +
          `(${(page.bytes / 1024).toFixed(0)} KiB, ${page.files.length} files)`,
      );
      expect(page.files.some((file) => file.includes('/entry/start.'))).toBe(true);
      expect(page.gzippedBytes).toBeGreaterThan(1000);
      expect(page.gzippedBytes).toBeLessThan(page.bytes);
    }
    await expect(pageJavaScript(['/no-such-page'])).rejects.toThrow('/no-such-page');
  });
});

describe('the client-chunk check', () => {
  it('passes a clean set of chunks', () => {
    const output = fakeOutput({ '_app/immutable/chunks/a.js': svelteChunk });
    expect(serverCodeInClient(readClientChunks(output))).toEqual([]);
  });

  it('fails on a store module, whatever imported it, and names the chunk and the module', () => {
    const output = fakeOutput({
      '_app/immutable/chunks/a.js': svelteChunk,
      '_app/immutable/nodes/7.js': [
        ['shared/src/event/planted-probe.store.ts', 'web/src/routes/feedback/[token]/+page.svelte'],
        'export const b=2;',
      ],
    });
    expect(serverCodeInClient(readClientChunks(output))).toEqual([
      '_app/immutable/nodes/7.js: shared/src/event/planted-probe.store.ts',
    ]);
  });

  it('fails on AWS SDK modules and on the DynamoDB client under another module’s name', () => {
    const output = fakeOutput({
      '_app/immutable/chunks/sdk.js': [
        ['node_modules/@aws-sdk/client-dynamodb/dist-es/index.js'],
        'export{}',
      ],
      '_app/immutable/chunks/db.js': [['shared/src/db/client.ts'], 'export{}'],
      '_app/immutable/chunks/inlined.js': [
        ['web/src/lib/format.ts'],
        'const c=new DynamoDBClient({});fetch(u,{headers:{"X-Amz-Target":"DynamoDB_20120810.PutItem"}});',
      ],
    });
    expect(serverCodeInClient(readClientChunks(output)).sort()).toEqual([
      '_app/immutable/chunks/db.js: shared/src/db/client.ts',
      '_app/immutable/chunks/inlined.js: contains "DynamoDBClient"',
      '_app/immutable/chunks/inlined.js: contains "x-amz-target"',
      '_app/immutable/chunks/sdk.js: node_modules/@aws-sdk/client-dynamodb/dist-es/index.js',
    ]);
  });

  it('fails on a chunk that the module list does not know', () => {
    const output = fakeOutput({ '_app/immutable/chunks/a.js': svelteChunk });
    writeFileSync(join(output, 'client', '_app', 'immutable', 'chunks', 'extra.js'), 'export{}');
    expect(serverCodeInClient(readClientChunks(output))).toEqual([
      '_app/immutable/chunks/extra.js: not in the module list (a stale build?)',
    ]);
  });

  it('refuses a build without the module list', () => {
    const output = mkdtempSync(join(tmpdir(), 'kohtaamo-client-chunks-'));
    fakes.push(output);
    expect(() => readClientChunks(output)).toThrow('npm run build --workspace web');
  });
});

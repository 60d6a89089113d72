// What the browser gets, read from the built app: which source modules went into each client
// chunk (the module list written by client-modules.ts) and how much JavaScript a page loads
// (Vite's manifest and SvelteKit's route table). The client-chunk test and the bench use these.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLIENT_MODULES_FILE, type ClientModules } from './client-modules';

/** SvelteKit's build output: `client/` (what the browser is sent) and `server/`. */
export const buildOutput = join(import.meta.dirname, '.svelte-kit', 'output');

export interface ClientChunk {
  /** Path inside the client output, e.g. `_app/immutable/nodes/3.abc.js`. */
  file: string;
  /** Source modules with code in the chunk, relative to the repository root. */
  modules: string[] | undefined;
  code: string;
}

/**
 * Every JavaScript file the bundler wrote (`_app/`) with the modules bundled into it; files from
 * web/static are copied, not bundled, so they are not chunks. Throws when the module list is
 * missing (a build without the client-modules plugin). A chunk the list does not know has
 * `modules` undefined.
 */
export function readClientChunks(output = buildOutput): ClientChunk[] {
  const client = join(output, 'client');
  const listFile = join(client, CLIENT_MODULES_FILE);
  if (!existsSync(listFile)) throw new Error(`No ${listFile}: run \`npm run build --workspace web\` first`);
  const modules = JSON.parse(readFileSync(listFile, 'utf8')) as ClientModules;
  return jsFiles(join(client, '_app')).map((path) => {
    const file = relative(client, path);
    return { file, modules: modules[file], code: readFileSync(path, 'utf8') };
  });
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** Modules that do I/O on the server: stores, the table's client and keys, file storage, the AWS SDK. */
const serverModule = [
  /\.store\.ts$/,
  /^shared\/src\/(db|storage)\//,
  /(^|\/)node_modules\/@aws-sdk\//,
  /(^|\/)node_modules\/@smithy\//,
];

/**
 * Text only server code carries: AWS SDK clients and the DynamoDB wire protocol's header. A safety
 * net beside the module list, for code that reaches a chunk under another module's name.
 */
const serverMarks = [
  'DynamoDBClient',
  'DynamoDBDocumentClient',
  'S3Client',
  'LambdaClient',
  'ConditionalCheckFailedException',
  'x-amz-target',
];

/**
 * What in the client chunks is server code, one line per finding (`file: module` or
 * `file: contains "mark"`); empty when the browser gets none. A chunk missing from the module
 * list is a finding too: its modules cannot be checked.
 */
export function serverCodeInClient(chunks: readonly ClientChunk[]): string[] {
  return chunks.flatMap((chunk) => {
    const text = chunk.code.toLowerCase();
    return [
      ...(chunk.modules ? [] : [`${chunk.file}: not in the module list (a stale build?)`]),
      ...(chunk.modules ?? [])
        .filter((module) => serverModule.some((pattern) => pattern.test(module)))
        .map((module) => `${chunk.file}: ${module}`),
      ...serverMarks
        .filter((mark) => text.includes(mark.toLowerCase()))
        .map((mark) => `${chunk.file}: contains "${mark}"`),
    ];
  });
}

interface ViteManifestEntry {
  file: string;
  imports?: string[];
}

/** The parts of SvelteKit's server manifest (`output/server/manifest.js`) read here. */
interface ServerManifest {
  client: { imports: string[] };
  routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
}

export interface PageJavaScript {
  route: string;
  /** Client files the page loads before it is interactive. */
  files: string[];
  bytes: number;
  gzippedBytes: number;
}

/**
 * The JavaScript a page loads on a first visit: SvelteKit's start and app entries with their
 * imports, and the page's layout and page nodes with every chunk they import, gzipped one file at
 * a time as a server sends them. Throws for a route id that has no page.
 */
export async function pageJavaScript(
  routes: readonly string[],
  output = buildOutput,
): Promise<PageJavaScript[]> {
  const client = join(output, 'client');
  const vite = JSON.parse(readFileSync(join(client, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ViteManifestEntry
  >;
  const { manifest } = (await import(pathToFileURL(join(output, 'server', 'manifest.js')).href)) as {
    manifest: ServerManifest;
  };
  const withImports = (key: string, into: Set<string>) => {
    const entry = vite[key];
    if (!entry || into.has(entry.file)) return;
    into.add(entry.file);
    for (const imported of entry.imports ?? []) withImports(imported, into);
  };
  return routes.map((id) => {
    const page = manifest.routes.find((route) => route.id === id)?.page;
    if (!page) throw new Error(`No page with the route id ${id}`);
    const files = new Set(manifest.client.imports);
    for (const node of [...page.layouts, page.leaf]) {
      if (node !== undefined)
        withImports(`.svelte-kit/generated/build/client-optimized/nodes/${node}.js`, files);
    }
    let bytes = 0;
    let gzippedBytes = 0;
    for (const file of files) {
      const content = readFileSync(join(client, file));
      bytes += content.length;
      gzippedBytes += gzipSync(content, { level: 9 }).length;
    }
    return { route: id, files: [...files].sort(), bytes, gzippedBytes };
  });
}

/** The main pages whose JavaScript the bench prints. */
export const mainPages = ['/', '/tasks', '/associations', '/pipeline', '/reports'] as const;

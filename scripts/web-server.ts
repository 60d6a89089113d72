// The built SvelteKit app (adapter-node) on a plain Node http server, for `npm start`, the
// benchmarks and browser tests. Local use: it trusts an http protocol header it sets itself.
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { securityHeaders } from '../shared/src/security-headers';
import { repoRoot } from './local-runtime';

export const handlerFile = join(repoRoot, 'web', 'build', 'handler.js');

export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Serves the built app on `server`; configuration is read from the environment on first use. */
export async function attachSvelteKit(server: Server): Promise<void> {
  server.on('request', await loadSvelteKitHandler());
}

/** The app's request handler, loaded and ready before any request is routed to it. */
export async function loadSvelteKitHandler(): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  if (!existsSync(handlerFile)) {
    throw new Error('The web app is not built yet. Run `npm start` (it builds first) or `npm run build`.');
  }
  // adapter-node assumes https unless told which header carries the protocol; locally we serve
  // plain http, and without this every form POST would fail SvelteKit's CSRF origin check.
  process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
  // Spreadsheet uploads (at most 5 MB, checked with a clear message) come through the app locally.
  process.env.BODY_SIZE_LIMIT ??= String(6 * 1024 * 1024);
  const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  };
  // Behind a local TLS proxy (and in the cookie test) the public protocol is https.
  const protocol = process.env.KOHTAAMO_LOCAL_PROTOCOL === 'https' ? 'https' : 'http';
  return (req, res) => {
    req.headers['x-forwarded-proto'] = protocol;
    // Static files never reach the app's hook: they get the security headers here.
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    handler(req, res);
  };
}

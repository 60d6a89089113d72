// The built SvelteKit app (adapter-node) on a plain Node http server, for `npm start`, the
// benchmarks and browser tests. Local use: it trusts an http protocol header it sets itself, so it
// checks the Host itself (only the configured origin's, or this machine's loopback names), drops
// slow clients (header, request and keep-alive timeouts), and answers the requests Node cannot
// parse (400, 408, 431) with the security headers instead of Node's bare defaults.
import { existsSync } from 'node:fs';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../shared/src/config';
import { log } from '../shared/src/log/logger';
import { plainPageHeaders } from '../shared/src/security-headers';
import { repoRoot } from './local-runtime';

export const handlerFile = join(repoRoot, 'web', 'build', 'handler.js');

/** How long a client may take: slow or stalled connections are closed instead of held for minutes. */
export const serverTimeouts = {
  /** The request line and headers. */
  headersTimeout: 10_000,
  /** The whole request, body included (an upload of at most 6 MB over a slow line). */
  requestTimeout: 90_000,
  /** An idle keep-alive connection. */
  keepAliveTimeout: 5_000,
  /** How often Node checks the two above (its default, 30 s, would let a client overrun them by that much). */
  connectionsCheckingInterval: 1_000,
} as const;

const clientErrorText: Record<number, string> = {
  400: 'Virheellinen pyyntö / Bad request',
  408: 'Pyyntö kesti liian kauan / Request timed out',
  431: 'Pyynnön otsakkeet ovat liian suuret / Request headers too large',
};

function plainHead(status: number, body: string): string {
  const headers = {
    ...plainPageHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n`;
}

/** Node's 'clientError': a request it could not parse, or one that ran out of time. Never throws. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  log.warn('client error', { status, code: error.code ?? 'unknown' });
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const body = `${clientErrorText[status]}\n`;
  socket.end(plainHead(status, body) + body);
}

/** Sets the timeouts and the client error answer on a server (idempotent). */
export function hardenServer(server: Server): void {
  server.headersTimeout = serverTimeouts.headersTimeout;
  server.requestTimeout = serverTimeouts.requestTimeout;
  server.keepAliveTimeout = serverTimeouts.keepAliveTimeout;
  if (!server.listeners('clientError').includes(answerClientError)) {
    server.removeAllListeners('clientError');
    server.on('clientError', answerClientError);
  }
}

/** A Node http server with the local server's timeouts and error answers. */
export function createLocalServer(listener?: RequestListener): Server {
  const server = createServer({ ...serverTimeouts }, listener);
  hardenServer(server);
  return server;
}

export async function listen(server: Server, port: number, host: string): Promise<void> {
  hardenServer(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
/** A host name or IPv4 address, or a bracketed IPv6 address, with an optional port: nothing else. */
const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * Which Host headers the app answers: the configured origin's host only, or without one the
 * listening address and this machine's loopback names on the listening port. Anything else (a
 * forged Host, a DNS-rebinding page) is refused before the app sees it.
 */
export function allowedHost(configuredOrigin: string | undefined, listenHost: string) {
  const configured = configuredOrigin ? new URL(configuredOrigin) : undefined;
  const protocol = configured?.protocol ?? 'http:';
  const hostOf = (authority: string) => {
    try {
      return new URL(`${protocol}//${authority}`).host;
    } catch {
      return undefined;
    }
  };
  // An IPv6 listening address is written in brackets in a Host header.
  const listening = listenHost.includes(':') && !listenHost.startsWith('[') ? `[${listenHost}]` : listenHost;
  return (hostHeader: string | undefined, localPort: number | undefined): boolean => {
    if (!hostHeader || !HOST_HEADER.test(hostHeader)) return false;
    const host = hostOf(hostHeader);
    if (host === undefined) return false;
    if (configured) return host === configured.host;
    const names = listenHost === '0.0.0.0' || listenHost === '::' ? LOOPBACK : [listening, ...LOOPBACK];
    return names.some((name) => hostOf(`${name}:${localPort}`) === host);
  };
}

function misdirected(res: ServerResponse): void {
  const body = 'Tuntematon osoite: käytä palvelun osoitetta. / Unknown host: use the site address.\n';
  log.warn('misdirected request', { status: 421 });
  res.writeHead(421, {
    ...plainPageHeaders,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(body);
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
  const config = loadConfig(process.env);
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
  const hostAllowed = allowedHost(config.KOHTAAMO_ORIGIN, config.HOST);
  return (req, res) => {
    if (!hostAllowed(req.headers.host, req.socket.localPort)) {
      misdirected(res);
      return;
    }
    req.headers['x-forwarded-proto'] = protocol;
    // Static files and SvelteKit's own answers (its CSRF 403) never reach the app's hook: they
    // get the security headers and the plain policy here; a page's own CSP replaces the policy.
    for (const [name, value] of Object.entries(plainPageHeaders)) res.setHeader(name, value);
    handler(req, res);
  };
}

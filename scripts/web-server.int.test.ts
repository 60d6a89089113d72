// The local server around the built app, as `npm start` runs it: Host checked against the
// configured origin, security headers on every answer (the plain 401/403 pages and Node's own
// 400/431), timeouts against slow clients, 4xx for unreadable bodies, one JSON log line a request.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
} from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createAccount } from '../shared/src/user/accounts';
import { createSession } from '../shared/src/user/session.store';
import { PLAIN_PAGE_CSP } from '../shared/src/security-headers';
import { testTableName } from '../test/support/global-setup';
import { freePort } from '../test/support/processes';
import { freshWorkspace, testCursorSecret, testDb } from '../test/support/test-db';
import { createLocalServer, handlerFile, listen, loadSvelteKitHandler, serverTimeouts } from './web-server';

const PASSWORD = 'Kalliolle kukkulalle 2026!';
let server: Server;
let port: number;
let dataDir: string;
let adminCookie: string;
const logLines: Record<string, unknown>[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

/** Writes raw bytes on a socket and returns everything the server answers before it closes. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('close', () => resolve(answer));
    socket.once('error', reject);
  });
}

/** Resolves with the first log line that matches (the test's own timeout bounds the wait). */
async function logLine(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (;;) {
    const found = logLines.find(match);
    if (found) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const sameSite = () => ({ origin: `http://127.0.0.1:${port}` });
const expectPageHeaders = (answer: Answer) => {
  expect(answer.headers['content-security-policy']).toBe(PLAIN_PAGE_CSP);
  expect(answer.headers['x-frame-options']).toBe('DENY');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
};

describe('local web server', () => {
  beforeAll(async () => {
    if (!existsSync(handlerFile)) throw new Error('Build first: npm run build --workspace web');
    dataDir = await mkdtemp(join(tmpdir(), 'kohtaamo-web-server-'));
    port = await freePort();
    Object.assign(process.env, {
      KOHTAAMO_TABLE: testTableName,
      KOHTAAMO_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      KOHTAAMO_CURSOR_SECRET: testCursorSecret,
      KOHTAAMO_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      AWS_REGION: 'local',
    });
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream) as (chunk: unknown) => boolean;
      vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        for (const text of String(chunk).split('\n')) {
          if (text.startsWith('{"level"')) logLines.push(JSON.parse(text) as Record<string, unknown>);
        }
        return write(chunk);
      });
    }
    const db = testDb();
    const workspace = await freshWorkspace(db);
    const { user } = await createAccount(db, {
      workspaceId: workspace.id,
      role: 'admin',
      name: 'Palvelin Testaaja',
      email: `server-${workspace.id}@example.invalid`,
      password: PASSWORD,
    });
    const { token } = await createSession(db, {
      userId: user.id,
      epoch: user.sessionEpoch,
      workspaceId: workspace.id,
    });
    adminCookie = `kohtaamo-session=${token}`;
    server = createLocalServer(await loadSvelteKitHandler());
    await listen(server, port, '127.0.0.1');
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a forged Host, even with a matching Origin', async () => {
    const forged = `evil.example:${port}`;
    const post = await send('/login', {
      method: 'POST',
      headers: {
        host: forged,
        origin: `http://${forged}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email: 'nobody@example.invalid', password: 'x' }).toString(),
    });
    expect(post.status).toBe(421);
    expectPageHeaders(post);
    expect((await send('/login', { headers: { host: forged } })).status).toBe(421);
    // Our own address and the loopback names are served.
    const page = await send('/login');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'"); // the page's own
    expect((await send('/login', { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('puts the security headers and a CSP on the plain 401 and 403 pages', async () => {
    const unauthenticated = await send('/tasks?/complete', {
      method: 'POST',
      headers: { ...sameSite(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(unauthenticated.status).toBe(401);
    expectPageHeaders(unauthenticated);
    const crossSite = await send('/login', {
      method: 'POST',
      headers: { origin: 'http://other.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a',
    });
    expect(crossSite.status).toBe(403);
    expectPageHeaders(crossSite);
  });

  it('answers what Node cannot parse (400) and oversized headers (431) with the security headers', async () => {
    const malformed = await raw(`GET /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nno colon here\r\n\r\n`);
    expect(malformed).toMatch(/^HTTP\/1\.1 400 /);
    expect(malformed.toLowerCase()).toContain(`content-security-policy: ${PLAIN_PAGE_CSP.toLowerCase()}`);
    expect(malformed.toLowerCase()).toContain('x-frame-options: deny');
    const oversized = await raw(
      `GET /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(oversized.toLowerCase()).toContain('strict-transport-security: max-age=63072000');
    expect(oversized.toLowerCase()).toContain('content-security-policy:');
  });

  it('sets header, request and keep-alive timeouts, also on a server made elsewhere', async () => {
    for (const candidate of [server, createServer()]) {
      if (candidate !== server) await listen(candidate, 0, '127.0.0.1');
      expect(candidate.headersTimeout).toBe(serverTimeouts.headersTimeout);
      expect(candidate.requestTimeout).toBe(serverTimeouts.requestTimeout);
      expect(candidate.keepAliveTimeout).toBe(serverTimeouts.keepAliveTimeout);
      if (candidate !== server) await new Promise((resolve) => candidate.close(resolve));
    }
    expect(serverTimeouts.headersTimeout).toBeLessThanOrEqual(15_000);
    expect(serverTimeouts.requestTimeout).toBeLessThanOrEqual(120_000);
  });

  it('answers a broken multipart body with 400 and a message, on an action and on /uploads', async () => {
    const broken = {
      method: 'POST',
      headers: {
        ...sameSite(),
        accept: 'text/html',
        'content-type': 'multipart/form-data; boundary=kohtaamo',
      },
      body: '--kohtaamo\r\nthis is not a part header\r\n\r\nx\r\n',
    };
    const login = await send('/login', broken);
    expect(login.status).toBe(400);
    expect(login.body).toMatch(/Lomaketta ei voitu lukea|The form could not be read/);
    const upload = await send('/uploads', {
      ...broken,
      headers: { ...broken.headers, cookie: adminCookie },
    });
    expect(upload.status).toBe(400);
    expect(upload.body).toMatch(/Lomaketta ei voitu lukea|The form could not be read/);
    expect(logLines.some((line) => line.status === 500)).toBe(false);
  });

  it('logs an upload the client aborted as a 4xx, marked aborted', async () => {
    const head =
      `POST /uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      `Cookie: ${adminCookie}\r\nContent-Type: multipart/form-data; boundary=kohtaamo\r\n` +
      `Content-Length: 100000\r\n\r\n`;
    const part = '--kohtaamo\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK';
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(head + part));
      // Close the connection once the server is reading the body, as a browser tab closed mid-upload.
      server.once('request', (req: IncomingMessage) => req.once('data', () => socket.destroy()));
      socket.once('close', () => resolve());
      socket.once('error', reject);
    });
    const line = await logLine((entry) => entry.route === '/uploads' && entry.aborted === true);
    expect(line.status).toBeGreaterThanOrEqual(400);
    expect(line.status).toBeLessThan(500);
  });

  it('logs one JSON line per request: time, request id, route id, status, duration, no path or query', async () => {
    const answer = await send('/login?next=%2Fsecret-token-7f3a');
    const requestId = answer.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = await logLine((entry) => entry.requestId === requestId);
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'request',
      route: '/login',
      status: 200,
      method: 'GET',
    });
    expect(Date.parse(String(line.timestamp))).not.toBeNaN();
    expect(typeof line.durationMs).toBe('number');
    expect(JSON.stringify(logLines)).not.toContain('secret-token');
  });
});

// The bundled web Lambda (dist/lambda/web) invoked with Function URL events as CloudFront sends
// them, against dynalite, side by side with the Node server that `npm start` runs.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LambdaFunctionURLEvent, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccount } from '@kohtaamo/shared/user/accounts';
import { createSession } from '@kohtaamo/shared/user/session.store';
import { bundleDir } from '../../../infra/lambda/bundles';
import { listen, loadSvelteKitHandler } from '../../../scripts/web-server';
import { testTableName } from '../../../test/support/global-setup';
import { freePort } from '../../../test/support/processes';
import { addAssociation, freshWorkspace, testCursorSecret, testDb } from '../../../test/support/test-db';
import { functionUrlEvent, type EventOptions } from './function-url-event';
import { FORWARDED_HOST_HEADER, ORIGIN_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from './cloudfront-headers';

const ORIGIN_SECRET = 'origin-secret-for-tests-0123456789abcdef';
const PASSWORD = 'Kalliolle kukkulalle 2026!';
const bundle = join(bundleDir('web'), 'index.mjs');

type Handler = (event: LambdaFunctionURLEvent) => Promise<APIGatewayProxyStructuredResultV2>;
let lambda: Handler;
let node: Server;
let host: string;
let sessionCookie: string;
let email: string;

/** HTML with the per-response CSP nonces taken out. */
const comparable = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

function invoke(options: EventOptions): Promise<APIGatewayProxyStructuredResultV2> {
  return lambda(
    functionUrlEvent({
      ...options,
      headers: {
        [ORIGIN_SECRET_HEADER]: ORIGIN_SECRET,
        [FORWARDED_HOST_HEADER]: host,
        [VIEWER_ADDRESS_HEADER]: '192.0.2.7',
        ...options.headers,
      },
    }),
  );
}

function fetchNode(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`http://${host}${path}`, { redirect: 'manual', ...init });
}

describe('web Lambda behind CloudFront', () => {
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error('Build and bundle first: npm run build && npm run bundle');
    Object.assign(process.env, {
      KOHTAAMO_TABLE: testTableName,
      KOHTAAMO_DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      KOHTAAMO_CURSOR_SECRET: testCursorSecret,
      KOHTAAMO_ORIGIN_SECRET: ORIGIN_SECRET,
      KOHTAAMO_LOCAL_PROTOCOL: 'https',
      AWS_REGION: 'local',
    });
    const db = testDb();
    const workspace = await freshWorkspace(db);
    await addAssociation(db, workspace, { name: 'Äänekosken Ääniyhdistys ry' });
    email = `lambda-${workspace.id}@example.invalid`;
    const { user } = await createAccount(db, {
      workspaceId: workspace.id,
      role: 'admin',
      name: 'Lambda Testaaja',
      email,
      password: PASSWORD,
    });
    const { token } = await createSession(db, {
      userId: user.id,
      epoch: user.sessionEpoch,
      workspaceId: workspace.id,
    });
    sessionCookie = `__Host-kohtaamo-session=${token}`;

    const port = await freePort();
    host = `127.0.0.1:${port}`;
    node = createServer();
    node.on('request', await loadSvelteKitHandler());
    await listen(node, port, '127.0.0.1');
    ({ handler: lambda } = (await import(pathToFileURL(bundle).href)) as { handler: Handler });
  });

  afterAll(() => new Promise<void>((resolve) => node.close(() => resolve())));

  it.each(['/', '/associations', '/tasks', '/pipeline'])(
    'renders %s as the Node server does',
    async (path) => {
      const [fromLambda, fromNode] = await Promise.all([
        invoke({ path, cookies: [sessionCookie] }),
        fetchNode(path, { headers: { cookie: sessionCookie } }),
      ]);
      expect(fromLambda.statusCode).toBe(200);
      expect(fromNode.status).toBe(200);
      expect(fromLambda.headers?.['content-type']).toBe(fromNode.headers.get('content-type'));
      expect(fromLambda.isBase64Encoded).toBe(false);
      expect(comparable(String(fromLambda.body))).toBe(comparable(await fromNode.text()));
    },
  );

  it("answers with Lambda's request id, never one a client sent", async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'kohtaamo-web-test';
    try {
      const answer = await invoke({
        path: '/login',
        headers: { 'x-kohtaamo-lambda-request-id': 'spoofed-by-a-client' },
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers?.['x-request-id']).toBe('6f1c2d4e-0000-4000-8000-000000000001');
    } finally {
      delete process.env.AWS_LAMBDA_FUNCTION_NAME;
    }
  });

  it('passes query strings and non-ASCII paths through unchanged', async () => {
    const query = `q=${encodeURIComponent('Ääne')}&page=1`;
    const [search, searchNode] = await Promise.all([
      invoke({ path: '/associations', query, cookies: [sessionCookie] }),
      fetchNode(`/associations?${query}`, { headers: { cookie: sessionCookie } }),
    ]);
    expect(comparable(String(search.body))).toBe(comparable(await searchNode.text()));
    expect(search.body).toContain('Äänekosken Ääniyhdistys ry');

    const encoded = `/associations/${encodeURIComponent('ääkkönen')}`;
    const [missing, missingNode] = await Promise.all([
      invoke({ path: encoded, cookies: [sessionCookie] }),
      fetchNode(encoded, { headers: { cookie: sessionCookie } }),
    ]);
    expect(missing.statusCode).toBe(missingNode.status);
    expect(comparable(String(missing.body))).toBe(comparable(await missingNode.text()));
    // A decoded path (as API Gateway would send it) reaches the same page.
    const decoded = await invoke({ path: '/associations/ääkkönen', cookies: [sessionCookie] });
    expect(comparable(String(decoded.body))).toBe(comparable(String(missing.body)));
  });

  it('logs in with a plain urlencoded form POST (no JavaScript), plain and base64, cookies out', async () => {
    const form = new URLSearchParams({ email, password: PASSWORD }).toString();
    for (const base64 of [false, true]) {
      const result = await invoke({
        method: 'POST',
        path: '/login',
        headers: {
          origin: `https://${host}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
        body: base64 ? Buffer.from(form).toString('base64') : form,
        base64,
      });
      expect(result.statusCode).toBe(303);
      expect(result.headers?.location).toBe('/');
      expect(result.cookies?.some((c) => c.startsWith('__Host-kohtaamo-session=') && /Secure/i.test(c))).toBe(
        true,
      );
    }
  });

  it('refuses a form POST from a foreign origin', async () => {
    const result = await invoke({
      method: 'POST',
      path: '/login',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
      },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    expect(result.statusCode).toBe(403);
    expect(result.cookies).toBeUndefined();
  });

  it('refuses requests that did not come through CloudFront', async () => {
    const direct = await lambda(functionUrlEvent({ path: '/', cookies: [sessionCookie] }));
    expect(direct.statusCode).toBe(403);
    const wrong = await invoke({ path: '/', headers: { [ORIGIN_SECRET_HEADER]: 'guess' } });
    expect(wrong.statusCode).toBe(403);
    const noHost = await lambda(
      functionUrlEvent({ path: '/', headers: { [ORIGIN_SECRET_HEADER]: ORIGIN_SECRET } }),
    );
    expect(noHost.statusCode).toBe(400);
  });
});

import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { ValidationError } from '@kohtaamo/shared/errors';
import { functionUrlEvent } from './function-url-event';
import { toResult } from './lambda-http';
import { FORWARDED_HOST_HEADER, ORIGIN_SECRET_HEADER } from './cloudfront-headers';
import { createWebHandler, type WebServer } from './web-handler';

const config = { KOHTAAMO_ORIGIN_SECRET: 'a-secret-that-is-long-enough-0123456789' };
const throughCloudFront = (path = '/') =>
  functionUrlEvent({
    path,
    headers: {
      [ORIGIN_SECRET_HEADER]: config.KOHTAAMO_ORIGIN_SECRET,
      [FORWARDED_HOST_HEADER]: 'kohtaamo.example.fi',
    },
  });

describe('web Lambda handler', () => {
  it('refuses an event that is not a Function URL request with a ValidationError, before the app sees it', async () => {
    const respond = vi.fn();
    const handler = createWebHandler({ init: async () => {}, respond }, Promise.resolve(), config);
    const scheduled = { kind: 'daily-reminders' } as unknown as LambdaFunctionURLEvent;
    await expect(handler(scheduled)).rejects.toBeInstanceOf(ValidationError);
    expect(respond).not.toHaveBeenCalled();
  });

  it('answers 500 with no details when the app fails, logging the error type only', async () => {
    const server: WebServer = {
      init: async () => {},
      respond: async () => {
        throw new TypeError('details about Maija Meikäläinen');
      },
    };
    const logger = { error: vi.fn() };
    const result = await createWebHandler(server, Promise.resolve(), config, logger)(throughCloudFront());
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('Maija');
    expect(JSON.stringify(logger.error.mock.calls)).toBe(
      JSON.stringify([['request failed', { error: 'TypeError' }]]),
    );
  });

  it('builds the request under the public origin: the custom domain when configured, else the viewer host', async () => {
    const seen: string[] = [];
    const server: WebServer = {
      init: async () => {},
      respond: async (request) => {
        seen.push(request.url);
        return new Response('ok');
      },
    };
    await createWebHandler(server, Promise.resolve(), config)(throughCloudFront('/tasks'));
    await createWebHandler(server, Promise.resolve(), {
      ...config,
      KOHTAAMO_PUBLIC_ORIGIN: 'https://crm.example.fi',
    })(throughCloudFront('/tasks'));
    expect(seen).toEqual(['https://kohtaamo.example.fi/tasks', 'https://crm.example.fi/tasks']);
  });

  it('returns binary bodies in base64 and text as it is', async () => {
    const png = await toResult(
      new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } }),
    );
    expect(png).toMatchObject({
      isBase64Encoded: true,
      body: Buffer.from([137, 80, 78, 71]).toString('base64'),
    });
    const html = await toResult(
      new Response('<p>Ääkköset</p>', { headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    expect(html).toMatchObject({ isBase64Encoded: false, body: '<p>Ääkköset</p>' });
  });
});

// The SvelteKit server as a Lambda behind CloudFront. Only CloudFront can use it: every request
// must carry the origin secret that CloudFront adds, or it is refused before the app sees it.
// The public origin comes from configuration (custom domain) or from `x-forwarded-host`, which
// our CloudFront viewer-request function sets from the viewer's Host; the client's address comes
// from the same function (the viewer's IP), never from a header the client could set.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { parseInput } from '@kohtaamo/shared/validation';
import type { Server } from '@sveltejs/kit';
import type { LambdaFunctionURLEvent, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { z } from 'zod';
import { functionUrlEventSchema } from '../events.schema';
import { LAMBDA_REQUEST_ID_HEADER } from '@kohtaamo/shared/log/logger';
import { lambdaLogger } from '../lambda-logger';
import { toRequest, toResult } from './lambda-http';

import { FORWARDED_HOST_HEADER, ORIGIN_SECRET_HEADER, VIEWER_ADDRESS_HEADER } from './cloudfront-headers';

const webConfigSchema = z.object({
  /** Shared with CloudFront, which adds it to every origin request. */
  KOHTAAMO_ORIGIN_SECRET: z.string().min(32, 'KOHTAAMO_ORIGIN_SECRET must be at least 32 characters'),
  /** The site's origin when it has a custom domain; otherwise the viewer's Host is used. */
  KOHTAAMO_PUBLIC_ORIGIN: z.url({ protocol: /^https$/ }).optional(),
});

export type WebConfig = z.output<typeof webConfigSchema>;

export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  const result = webConfigSchema.safeParse(env);
  if (!result.success) {
    throw new Error(
      `Invalid configuration:\n  ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`,
    );
  }
  return result.data;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when the request carries CloudFront's origin secret (compared in constant time). */
export function cameThroughCloudFront(event: LambdaFunctionURLEvent, secret: string): boolean {
  const presented = event.headers?.[ORIGIN_SECRET_HEADER];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(secret));
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;

/** The public origin of the request, or undefined when it cannot be known. */
export function publicOrigin(event: LambdaFunctionURLEvent, config: WebConfig): string | undefined {
  if (config.KOHTAAMO_PUBLIC_ORIGIN) return new URL(config.KOHTAAMO_PUBLIC_ORIGIN).origin;
  const host = event.headers?.[FORWARDED_HOST_HEADER];
  return host && HOST.test(host) ? `https://${host.toLowerCase()}` : undefined;
}

const plain = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

export type WebServer = Pick<Server, 'init' | 'respond'>;

/**
 * The Lambda handler around an initialised (or initialising) SvelteKit server. An event that is
 * not a Function URL request (a mistaken direct invocation) fails with ValidationError; every
 * failure of the app itself becomes a 500 answer.
 */
export function createWebHandler(
  server: WebServer,
  ready: Promise<void>,
  config: WebConfig,
  logger: Pick<Logger, 'error'> = lambdaLogger('web'),
): (event: LambdaFunctionURLEvent) => Promise<APIGatewayProxyStructuredResultV2> {
  return async (event) => {
    // Checked, not converted: the request is built from the event as Lambda delivered it.
    parseInput(functionUrlEventSchema, event);
    if (!cameThroughCloudFront(event, config.KOHTAAMO_ORIGIN_SECRET)) {
      return plain(403, 'Forbidden: use the site address.');
    }
    const origin = publicOrigin(event, config);
    if (!origin) return plain(400, 'Bad request: unknown host.');
    const viewerAddress = event.headers?.[VIEWER_ADDRESS_HEADER] ?? '';
    const request = toRequest(event, origin, [
      ORIGIN_SECRET_HEADER,
      VIEWER_ADDRESS_HEADER,
      LAMBDA_REQUEST_ID_HEADER,
    ]);
    request.headers.set(LAMBDA_REQUEST_ID_HEADER, event.requestContext.requestId);
    try {
      await ready;
      const response = await server.respond(request, {
        getClientAddress: () => viewerAddress || 'unknown',
      });
      return await toResult(response);
    } catch (error) {
      // The error's type only: messages may carry personal data.
      logger.error('request failed', { error: error instanceof Error ? error.name : 'unknown' });
      return plain(500, 'Kohtaamo is unavailable / Kohtaamo ei ole käytettävissä');
    }
  };
}

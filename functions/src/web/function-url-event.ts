// Lambda Function URL events (payload 2.0) as CloudFront delivers them to the web function, for
// tests and the benchmark: the shape AWS documents, with CloudFront's and our own headers.
import type { LambdaFunctionURLEvent } from 'aws-lambda';

export interface EventOptions {
  method?: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string;
  base64?: boolean;
}

export function functionUrlEvent(options: EventOptions): LambdaFunctionURLEvent {
  const method = options.method ?? 'GET';
  const query = options.query ?? '';
  const parameters = Object.fromEntries(new URLSearchParams(query));
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: options.path,
    rawQueryString: query,
    ...(options.cookies ? { cookies: options.cookies } : {}),
    headers: {
      host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-north-1.on.aws',
      via: '2.0 0123456789abcdef.cloudfront.net (CloudFront)',
      'x-amz-cf-id': 'Q1bUr5xHhZ-example-only-aBcD==',
      'x-amzn-trace-id': 'Root=1-67890abc-0123456789abcdef01234567',
      'x-forwarded-for': '192.0.2.7, 130.176.0.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
      'accept-language': 'fi-FI,fi;q=0.9,en;q=0.8',
      ...options.headers,
    },
    ...(query ? { queryStringParameters: parameters } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz012345',
      domainName: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-north-1.on.aws',
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
      http: {
        method,
        path: options.path,
        protocol: 'HTTP/1.1',
        sourceIp: '130.176.0.1',
        userAgent: 'Amazon CloudFront',
      },
      requestId: '6f1c2d4e-0000-4000-8000-000000000001',
      routeKey: '$default',
      stage: '$default',
      time: '24/Nov/2026:09:00:00 +0000',
      timeEpoch: 1795510800000,
    },
    ...(options.body === undefined ? {} : { body: options.body }),
    isBase64Encoded: options.base64 ?? false,
  };
}

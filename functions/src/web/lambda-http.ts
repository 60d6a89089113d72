// Maps a Lambda Function URL event (payload 2.0) to a web Request and a Response back to the
// Function URL result, so the SvelteKit server sees the same request the Node server would.
import type { LambdaFunctionURLEvent, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** Characters that may stand literally in an encoded path; anything else is percent-encoded. */
const NOT_IN_ENCODED_PATH = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/gu;

/**
 * The request URL under the public origin. Function URLs keep the path percent-encoded; a path
 * that arrives decoded (API Gateway HTTP APIs do that) is encoded again, so `?` or `#` in it
 * can never turn into a query or fragment.
 */
export function requestUrl(event: LambdaFunctionURLEvent, origin: string): URL {
  const path = (event.rawPath || '/').replace(NOT_IN_ENCODED_PATH, (c) => encodeURIComponent(c));
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  return new URL(`${path}${query}`, origin);
}

function requestBody(event: LambdaFunctionURLEvent): Buffer | undefined {
  const method = event.requestContext.http.method;
  if (method === 'GET' || method === 'HEAD' || event.body === undefined) return undefined;
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** The web Request of an event; `omitHeaders` are removed (they were meant for this handler). */
export function toRequest(
  event: LambdaFunctionURLEvent,
  origin: string,
  omitHeaders: readonly string[] = [],
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value !== undefined && !omitHeaders.includes(name.toLowerCase())) headers.set(name, value);
  }
  // Function URLs move the Cookie header into `cookies`.
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const body = requestBody(event);
  return new Request(requestUrl(event, origin), {
    method: event.requestContext.http.method,
    headers,
    ...(body === undefined ? {} : { body: new Uint8Array(body) }),
  });
}

const TEXTUAL =
  /^(text\/|application\/(json|javascript|xml|x-www-form-urlencoded)|image\/svg\+xml)|\+json|\+xml/;

function isTextual(contentType: string | null): boolean {
  return contentType === null || TEXTUAL.test(contentType);
}

/** The Function URL result of a Response: cookies apart, binary bodies in base64. */
export async function toResult(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') headers[name] = value;
  }
  const cookies = response.headers.getSetCookie();
  const textual = isTextual(response.headers.get('content-type'));
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length ? { cookies } : {}),
    body: textual ? bytes.toString('utf8') : bytes.toString('base64'),
    isBase64Encoded: !textual,
  };
}

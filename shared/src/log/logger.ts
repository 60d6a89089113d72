// The one logger of Kohtaamo: Powertools' JSON logger for the local server, the web app and every
// Lambda function. One JSON line per event with `timestamp`, `level`, `service` and `message`, plus
// the fields given (request id, route id, status…); in Lambda also the invocation's request id once
// `injectLambdaContext` has seen it. Never free text with personal data, never a raw path or query
// string (links carry tokens): routes are logged by their route id.
import { Logger } from '@aws-lambda-powertools/logger';

/** The logger of one service, e.g. `kohtaamo-web` or `kohtaamo-jobs`. */
export function createLogger(service: string): Logger {
  return new Logger({ serviceName: service });
}

/** The web app's logger (the local server and the web Lambda alike). */
export const log: Logger = createLogger('kohtaamo-web');

/**
 * The header the web Lambda passes the invocation's request id in, so that the app's request line and
 * the `x-request-id` answer carry the id Lambda and CloudWatch know the request by.
 */
export const LAMBDA_REQUEST_ID_HEADER = 'x-kohtaamo-lambda-request-id';

/**
 * The Lambda request id of a request, trusted only inside Lambda (where the handler always sets the
 * header and drops any a client sent) and only in the form Lambda writes it; otherwise undefined.
 */
export function lambdaRequestId(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (!env.AWS_LAMBDA_FUNCTION_NAME) return undefined;
  const id = headers.get(LAMBDA_REQUEST_ID_HEADER);
  return id && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : undefined;
}

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

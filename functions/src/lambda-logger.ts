// The logger of a Lambda function: the project's one logger (shared/src/log/logger.ts) named
// `kohtaamo-<function>`; the request id joins once `injectLambdaContext` has seen the invocation.
import type { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '@kohtaamo/shared/log/logger';

/** The logger of the function `name` (e.g. `jobs`, `repair-workspace`). */
export function lambdaLogger(name: string): Logger {
  return createLogger(`kohtaamo-${name}`);
}

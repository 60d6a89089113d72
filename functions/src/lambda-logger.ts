// The one logger of every Lambda function: Powertools' JSON logger (timestamps, levels, and the
// request id once `injectLambdaContext` has seen the invocation), named `kohtaamo-<function>`.
import { Logger } from '@aws-lambda-powertools/logger';

/** The logger of the function `name` (e.g. `jobs`, `repair-workspace`). */
export function lambdaLogger(name: string): Logger {
  return new Logger({ serviceName: `kohtaamo-${name}` });
}

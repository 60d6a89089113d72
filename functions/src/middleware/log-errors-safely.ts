// A middy middleware that logs a failed invocation by error type only (messages may carry
// personal data) and rethrows, so Lambda records the failure and retries where configured.
// Like middy's own middlewares it takes its logger as an option; see log-errors-safely.test.ts.
import type { MiddlewareObj } from '@middy/core';

export interface LogErrorsSafelyOptions {
  /** Where the failure goes: the function's Powertools logger in Lambda, a fake in tests. */
  logger: { error: (message: string, fields: { error: string }) => void };
}

export function logErrorsSafely({ logger }: LogErrorsSafelyOptions): MiddlewareObj {
  return {
    name: 'logErrorsSafely',
    onError: (request) => {
      logger.error('invocation failed', {
        error: request.error instanceof Error ? request.error.name : 'unknown',
      });
    },
  };
}

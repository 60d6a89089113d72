// A middy middleware that logs a failed invocation by error type only (messages may carry
// personal data) and rethrows, so Lambda records the failure and retries where configured.
import type { MiddlewareObj } from '@middy/core';

export function logErrorsSafely(functionName: string): MiddlewareObj {
  return {
    name: 'logErrorsSafely',
    onError: (request) => {
      const name = request.error instanceof Error ? request.error.name : 'unknown';
      console.error(JSON.stringify({ level: 'error', function: functionName, error: name }));
    },
  };
}

// The Lambda context every function test passes: a complete `Context` as Lambda gives it, with
// the remaining time fixed (or chosen, for tests of handlers that stop when time runs short).
import type { Context } from 'aws-lambda';

export function lambdaContext(options: { functionName?: string; remainingMs?: number } = {}): Context {
  const functionName = options.functionName ?? 'kohtaamo-test-function';
  const remainingMs = options.remainingMs ?? 60_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-north-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: '6f1c2d4e-0000-4000-8000-000000000002',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/24/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => remainingMs,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

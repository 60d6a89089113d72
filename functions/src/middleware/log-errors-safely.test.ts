import middy from '@middy/core';
import { describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../test-support/lambda-context';
import { logErrorsSafely } from './log-errors-safely';

function handlerThatThrows(error: unknown) {
  const logger = { error: vi.fn() };
  const handler = middy()
    .use(logErrorsSafely({ logger }))
    .handler(async () => {
      throw error;
    });
  return { handler, logger };
}

describe('logErrorsSafely', () => {
  it('logs a failure by its error type only and rethrows it', async () => {
    // Arrange
    const failure = new TypeError('details about Maija Meikäläinen');
    const { handler, logger } = handlerThatThrows(failure);
    // Act
    const result = handler({}, lambdaContext());
    // Assess
    await expect(result).rejects.toBe(failure);
    expect(logger.error.mock.calls).toEqual([['invocation failed', { error: 'TypeError' }]]);
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('Maija');
  });

  it('names something thrown that is not an Error "unknown"', async () => {
    const { handler, logger } = handlerThatThrows('a string with personal data');
    await expect(handler({}, lambdaContext())).rejects.toBe('a string with personal data');
    expect(logger.error.mock.calls).toEqual([['invocation failed', { error: 'unknown' }]]);
  });

  it('logs nothing when the invocation succeeds', async () => {
    const logger = { error: vi.fn() };
    const handler = middy()
      .use(logErrorsSafely({ logger }))
      .handler(async () => 'done');
    expect(await handler({}, lambdaContext())).toBe('done');
    expect(logger.error).not.toHaveBeenCalled();
  });
});

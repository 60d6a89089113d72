import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, LAMBDA_REQUEST_ID_HEADER, lambdaRequestId } from './logger';

describe('logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON line per event with timestamp, level, service and the fields, errors to stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
    const logger = createLogger('kohtaamo-test');
    logger.info('request', { requestId: 'r1', route: '/associations/[id]', status: 200, aborted: undefined });
    logger.error('unhandled error', { requestId: 'r2', error: 'TypeError' });

    expect(out).toHaveLength(1);
    expect(out[0]?.trimEnd()).not.toContain('\n');
    const line = JSON.parse(out[0] ?? '') as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'kohtaamo-test',
      message: 'request',
      requestId: 'r1',
      route: '/associations/[id]',
      status: 200,
    });
    expect(line).not.toHaveProperty('aborted');
    expect(String(line.timestamp)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}/);
    expect(err).toHaveLength(1);
    expect(JSON.parse(err[0] ?? '')).toMatchObject({
      level: 'ERROR',
      message: 'unhandled error',
      requestId: 'r2',
    });
  });

  it('trusts the Lambda request id header only inside Lambda, and only in the form Lambda writes it', () => {
    const headers = (id: string) => new Headers({ [LAMBDA_REQUEST_ID_HEADER]: id });
    const lambda = { AWS_LAMBDA_FUNCTION_NAME: 'kohtaamo-web' };
    expect(lambdaRequestId(headers('6f1c2d4e-0000-4000-8000-000000000001'), lambda)).toBe(
      '6f1c2d4e-0000-4000-8000-000000000001',
    );
    expect(lambdaRequestId(headers('6f1c2d4e-0000-4000-8000-000000000001'), {})).toBeUndefined();
    expect(lambdaRequestId(headers('"} {"level":"ERROR'), lambda)).toBeUndefined();
    expect(lambdaRequestId(new Headers(), lambda)).toBeUndefined();
  });
});

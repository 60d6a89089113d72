import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';

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
});

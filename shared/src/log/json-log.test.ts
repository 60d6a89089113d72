import { describe, expect, it } from 'vitest';
import { jsonLogger } from './json-log';

describe('JSON log', () => {
  it('writes one JSON line per event with timestamp, level, service and the fields', () => {
    const lines: [string, string][] = [];
    const logger = jsonLogger({
      write: (line, level) => lines.push([line, level]),
      now: () => new Date('2026-12-02T08:00:00.000Z'),
    });
    logger.info('request', { requestId: 'r1', route: '/login', status: 200, aborted: undefined });
    logger.error('unhandled error', { error: 'TypeError' });
    expect(lines.map(([, level]) => level)).toEqual(['INFO', 'ERROR']);
    expect(lines[0]?.[0]).not.toContain('\n');
    expect(JSON.parse(lines[0]?.[0] ?? '')).toEqual({
      timestamp: '2026-12-02T08:00:00.000Z',
      level: 'INFO',
      service: 'kohtaamo-web',
      message: 'request',
      requestId: 'r1',
      route: '/login',
      status: 200,
    });
  });
});

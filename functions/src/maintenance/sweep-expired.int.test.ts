import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createSession, findSession } from '@kohtaamo/shared/user/session.store';
import { testCursorSecret, testDb } from '../../../test/support/test-db';
import { testTableName } from '../../../test/support/global-setup';

const context = {
  functionName: 'sweep-expired',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

describe('sweep-expired Lambda handler', () => {
  beforeAll(() => {
    process.env.KOHTAAMO_TABLE = testTableName;
    process.env.KOHTAAMO_DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    process.env.KOHTAAMO_CURSOR_SECRET = testCursorSecret;
    process.env.AWS_REGION = 'local';
  });

  it('removes a session that expired and reports the count', async () => {
    const past = testDb({ now: () => new Date('2020-01-01T00:00:00.000Z') });
    const { token } = await createSession(
      past,
      { userId: 'sweep-test', epoch: 1 },
      { idleSeconds: 60, absoluteSeconds: 120 },
    );
    const { handler } = await import('./sweep-expired');
    const report = (await handler({}, context)) as { session: number };
    expect(report.session).toBeGreaterThanOrEqual(1);
    expect(await findSession(past, token)).toBeUndefined();
  });
});

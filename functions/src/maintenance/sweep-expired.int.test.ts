import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createSession, findSession } from '@kohtaamo/shared/user/session.store';
import { testCursorSecret, testDb } from '../../../test/support/test-db';
import { testTableName } from '../../../test/support/global-setup';
import { lambdaContext } from '../../test-support/lambda-context';
import { ValidationError } from '@kohtaamo/shared/errors';

const context = lambdaContext({ functionName: 'sweep-expired' });

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

  it("refuses an event that is not the schedule's empty one, before any work", async () => {
    const { handler } = await import('./sweep-expired');
    await expect(handler({ kind: 'daily-reminders' }, context)).rejects.toBeInstanceOf(ValidationError);
    await expect(handler('sweep', context)).rejects.toBeInstanceOf(ValidationError);
  });
});

import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDb } from '@kohtaamo/shared/db/client';
import { ensureTable, localClient } from '@kohtaamo/shared/db/local';
import { newId } from '@kohtaamo/shared/ids';
import { createSession, findSession } from '@kohtaamo/shared/user/session.store';
import { testCursorSecret } from '../../../test/support/test-db';
import { testTableName } from '../../../test/support/global-setup';
import { lambdaContext } from '../../test-support/lambda-context';
import { ValidationError } from '@kohtaamo/shared/errors';
import { createSweepHandler } from './sweep-expired';

const context = lambdaContext({ functionName: 'sweep-expired' });

describe('sweep-expired Lambda handler', () => {
  beforeAll(() => {
    process.env.KOHTAAMO_TABLE = testTableName;
    process.env.KOHTAAMO_DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    process.env.KOHTAAMO_CURSOR_SECRET = testCursorSecret;
    process.env.AWS_REGION = 'local';
  });

  it('removes the session that expired, keeps the live one, and reports exactly what it removed', async () => {
    // The sweep scans a whole table: a table of its own, so no other test's items are counted.
    const table = `kohtaamo-sweep-${newId().toLowerCase()}`;
    const client = localClient(inject('dynamoEndpoint'));
    await ensureTable(client, table);
    client.destroy();
    let clock = new Date('2026-03-01T10:00:00.000Z');
    const db = createDb({
      table,
      region: 'local',
      endpoint: inject('dynamoEndpoint'),
      cursorSecret: testCursorSecret,
      now: () => clock,
    });
    const policy = { idleSeconds: 60, absoluteSeconds: 120 };
    const expired = await createSession(db, { userId: 'sweep-expired', epoch: 1 }, policy);
    clock = new Date('2026-03-01T10:05:00.000Z');
    const live = await createSession(db, { userId: 'sweep-live', epoch: 1 }, policy);

    const logger = new Logger({ serviceName: 'kohtaamo-sweep-expired' });
    const logged = vi.spyOn(logger, 'info').mockImplementation(() => {});
    const handler = createSweepHandler({ db: () => db, logger });
    expect(await handler({}, context)).toEqual({ session: 1, token: 0, throttle: 0 });
    expect(logged).toHaveBeenCalledWith('sweep done', { removed: { session: 1, token: 0, throttle: 0 } });
    expect(await findSession(db, expired.token, policy)).toBeUndefined();
    expect((await findSession(db, live.token, policy))?.userId).toBe('sweep-live');
  });

  it("refuses an event that is not the schedule's empty one, before any work", async () => {
    const { handler } = await import('./sweep-expired');
    await expect(handler({ kind: 'daily-reminders' }, context)).rejects.toBeInstanceOf(ValidationError);
    await expect(handler('sweep', context)).rejects.toBeInstanceOf(ValidationError);
  });
});

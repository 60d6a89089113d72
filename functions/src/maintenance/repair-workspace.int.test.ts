import { Logger } from '@aws-lambda-powertools/logger';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { keys } from '@kohtaamo/shared/db/table';
import { ValidationError } from '@kohtaamo/shared/errors';
import { logContact } from '@kohtaamo/shared/interaction/log-contact';
import { newId } from '@kohtaamo/shared/ids';
import { addAssociation, freshWorkspace, testCursorSecret, testDb } from '../../../test/support/test-db';
import { testTableName } from '../../../test/support/global-setup';
import { lambdaContext } from '../../test-support/lambda-context';

const db = testDb();
const context = lambdaContext({ functionName: 'repair-workspace', remainingMs: 30_000 });
const short = lambdaContext({ functionName: 'repair-workspace', remainingMs: 1_000 });

describe('repair-workspace Lambda handler', () => {
  beforeAll(() => {
    // The handler reads its configuration from the environment, as in Lambda.
    process.env.KOHTAAMO_TABLE = testTableName;
    process.env.KOHTAAMO_DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
    process.env.KOHTAAMO_CURSOR_SECRET = testCursorSecret;
    process.env.AWS_REGION = 'local';
  });
  afterEach(() => vi.restoreAllMocks());

  it('recomputes a summary that a crash left stale', async () => {
    const { handler } = await import('./repair-workspace');
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const occurredAt = new Date().toISOString();
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: { id: newId(), associationId: association.id, kind: 'call', occurredAt },
      },
    });
    // Simulate the crash: the summary is wiped back to "no contact".
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.association(workspace.id, association.id),
        UpdateExpression: 'REMOVE lastContactAt',
      }),
    );
    const report = await handler({ workspaceId: workspace.id }, context);
    expect(report.associations).toBe(1);
    expect((await getAssociation(db, workspace.id, association.id)).lastContactAt).toBe(occurredAt);
  });

  it('rejects an event without a valid workspace id, and logs only the error type', async () => {
    const { createRepairHandler } = await import('./repair-workspace');
    const logger = new Logger({ serviceName: 'kohtaamo-repair-workspace' });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const handler = createRepairHandler({ logger });
    await expect(handler({ workspaceId: 'WS#evil' }, context)).rejects.toBeInstanceOf(ValidationError);
    expect(logged.mock.calls).toEqual([['invocation failed', { error: 'ValidationError' }]]);
  });

  it('stops when its time runs short and continues itself where it stopped, until done', async () => {
    const { repairFromEvent } = await import('./repair-workspace');
    const workspace = await freshWorkspace(db);
    for (let i = 0; i < 30; i++) await addAssociation(db, workspace, { name: `Yhdistys ${i} ry` });
    const sent: unknown[] = [];
    const continueWith = async (event: unknown) => {
      sent.push(event);
    };
    const first = await repairFromEvent({ workspaceId: workspace.id }, short, { db, continueWith });
    expect(first.associations).toBe(25);
    expect(sent).toEqual([{ workspaceId: workspace.id, cursor: expect.any(String), continuation: 1 }]);
    const second = await repairFromEvent(sent[0], context, { db, continueWith });
    expect(second.associations).toBe(5);
    expect(second.continuedWith).toBeUndefined();
    expect(sent).toHaveLength(1);
  });

  it('a scheduled run over every workspace hands over where it stopped when out of time', async () => {
    const { repairFromEvent } = await import('./repair-workspace');
    const workspace = await freshWorkspace(db);
    for (let i = 0; i < 26; i++) await addAssociation(db, workspace, { name: `Yhdistys ${i} ry` });
    const sent: unknown[] = [];
    const event = { kind: 'scheduled-repair', resume: { workspaceId: workspace.id } };
    const result = await repairFromEvent(event, short, {
      db,
      continueWith: async (next) => {
        sent.push(next);
      },
    });
    expect(result.associations).toBe(25);
    expect(sent).toEqual([
      {
        kind: 'scheduled-repair',
        resume: { workspaceId: workspace.id, cursor: expect.any(String) },
        continuation: 1,
      },
    ]);
  });

  it('refuses an event it does not know, before touching anything', async () => {
    const { repairFromEvent } = await import('./repair-workspace');
    await expect(
      repairFromEvent({ kind: 'scheduled-repair', extra: 1 }, context, { db, continueWith: async () => {} }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

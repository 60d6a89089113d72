import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/test-db';
import { newId } from '../ids';
import { latestVersion, runMigrations, upgradeItem, type Migration } from './migrate';
import { listStageChangesInMonth } from '../pipeline/stage-history.store';
import { listFollowUpsDoneInMonth } from '../follow-up/follow-up.store';

const db = testDb();

// A made-up history: v1 kept one municipality, v2 a list, v3 adds target groups.
const registry: Migration[] = [
  {
    type: 'legacyThing',
    from: 1,
    description: 'one municipality becomes a list',
    up: ({ municipality, ...rest }) => ({ ...rest, municipalities: [municipality] }),
  },
  {
    type: 'legacyThing',
    from: 2,
    description: 'target groups added',
    up: (item) => ({ ...item, targetGroups: [] }),
  },
];

describe('migrate', () => {
  it('upgrades an item through every step to the latest schema version (pure)', () => {
    expect(latestVersion(registry, 'legacyThing')).toBe(3);
    expect(latestVersion(registry, 'association')).toBe(1);
    const upgraded = upgradeItem(registry, { type: 'legacyThing', sv: 1, municipality: 'Kuopio' });
    expect(upgraded).toEqual({ type: 'legacyThing', sv: 3, municipalities: ['Kuopio'], targetGroups: [] });
  });

  it('upgrades stored items in place, keeps their keys, and a second run changes nothing', async () => {
    const pk = `MIGRATE#${newId()}`;
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { pk, sk: 'PROFILE', type: 'legacyThing', sv: 1, municipality: 'Iisalmi' },
      }),
    );
    const first = await runMigrations(db, registry);
    expect(first.upgraded).toBeGreaterThanOrEqual(1);
    const { Item } = await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk, sk: 'PROFILE' } }));
    expect(Item).toEqual({
      pk,
      sk: 'PROFILE',
      type: 'legacyThing',
      sv: 3,
      municipalities: ['Iisalmi'],
      targetGroups: [],
    });
    const second = await runMigrations(db, registry);
    const again = await db.doc.send(new GetCommand({ TableName: db.table, Key: { pk, sk: 'PROFILE' } }));
    expect(again.Item).toEqual(Item);
    expect(second.scanned).toBeGreaterThan(0);
  });

  it('indexes stage changes and completed follow-ups written before the reports by their month', async () => {
    const ws = `mig-${newId().toLowerCase().slice(-10)}`;
    const associationId = newId();
    const followUpId = newId();
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          pk: `WS#${ws}#ASSOC#${associationId}`,
          sk: 'STAGE#00000002',
          type: 'stageChange',
          sv: 1,
          associationId,
          seq: 2,
          from: 'not_contacted',
          to: 'contacted',
          at: '2026-03-31T22:30:00.000Z',
          by: 'anna',
        },
      }),
    );
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          pk: `WS#${ws}#ASSOC#${associationId}`,
          sk: `FOLLOWUP#${followUpId}`,
          type: 'followUp',
          sv: 1,
          id: followUpId,
          workspaceId: ws,
          associationId,
          due: '2026-05-01',
          assigneeId: 'anna',
          status: 'done',
          completedAt: '2026-05-02T08:00:00.000Z',
          version: 2,
          createdAt: '2026-04-01T08:00:00.000Z',
          createdBy: 'anna',
        },
      }),
    );
    await runMigrations(db);
    // 22:30 UTC on 31 March is already April in Helsinki.
    expect((await listStageChangesInMonth(db, ws, '2026-04')).items.map((c) => c.to)).toEqual(['contacted']);
    expect((await listStageChangesInMonth(db, ws, '2026-03')).items).toEqual([]);
    expect((await listFollowUpsDoneInMonth(db, ws, '2026-05')).items.map((f) => f.id)).toEqual([followUpId]);
  });
});

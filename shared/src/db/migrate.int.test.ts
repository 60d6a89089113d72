import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../test/support/test-db';
import { newId } from '../ids';
import { latestVersion, runMigrations, upgradeItem, type Migration } from './migrate';

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
});

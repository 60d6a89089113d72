import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { addAssociation, freshWorkspace, ownTableDb, testDb } from '../../../test/support/test-db';
import { listDirectory } from '../association/association.store';
import { listAssociationsInMunicipality } from '../association/municipality-index';
import { finnishCollationKey } from '../text/finnish-collation';
import { keys } from './table';
import { newId } from '../ids';
import { latestVersion, runMigrations, upgradeItem, type Migration } from './migrate';
import { listStageChangesInMonth } from '../pipeline/stage-history.store';
import { listFollowUpsDoneInMonth } from '../follow-up/follow-up.store';
import { endMembership } from '../person/membership-edits';
import { createPerson, listAssociationsOfPerson, listMembersOfAssociation } from '../person/person.store';
import { listCampaignRowsOfAssociation } from '../campaign/campaign-row-names';

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
    // A table of its own: the migration scans the whole table, so its counts are exact only here.
    const db = await ownTableDb();
    const pk = `MIGRATE#${newId()}`;
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { pk, sk: 'PROFILE', type: 'legacyThing', sv: 1, municipality: 'Iisalmi' },
      }),
    );
    const first = await runMigrations(db, registry);
    expect(first.upgraded).toBe(1);
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

  it('cleans text stored before input hygiene, re-keys the directory, writes only what changes, and resumes', async () => {
    // A table of its own, so that the one write skipped is the one interfered with here.
    const db = await ownTableDb();
    const workspace = await freshWorkspace(db);
    const dirty = await addAssociation(db, workspace, { name: 'Vanha ry', municipalities: ['Kuopio'] });
    const clean = await addAssociation(db, workspace, { name: 'Siisti ry', notes: 'Rivi\nToinen' });
    const key = keys.association(workspace.id, dirty.id);
    // What a form stored before the rule: a spoofing name, a control in a municipality and the notes.
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: key,
        UpdateExpression:
          'SET #name = :name, municipalities = :municipalities, notes = :notes, memberNames = :members',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':name': '\u202Eyr ahnaV\u0001',
          ':municipalities': ['Kuo\u0000pio', 'Iisalmi\u001b'],
          ':notes': 'Rivi\r\n\u202EToinen\u0000',
          ':members': new Set(['Matti\u0001 Meikäläinen']),
        },
      }),
    );
    // Someone edits the profile between the scan and the write: that write is skipped, a second run cleans it.
    const send = db.doc.send.bind(db.doc);
    const puts: string[] = [];
    let interfered = false;
    const spy = vi.spyOn(db.doc, 'send').mockImplementation((async (command: unknown) => {
      if (command instanceof PutCommand && String(command.input.Item?.pk).startsWith(`WS#${workspace.id}#`)) {
        puts.push(`${String(command.input.Item?.pk)} ${String(command.input.Item?.sk)}`);
        if (!interfered && command.input.Item?.pk === key.pk && command.input.Item?.sk === key.sk) {
          interfered = true;
          await send(
            new UpdateCommand({
              TableName: db.table,
              Key: key,
              UpdateExpression: 'SET #version = #version + :one',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':one': 1 },
            }),
          );
        }
      }
      return send(command as never);
    }) as never);
    try {
      const first = await runMigrations(db, []);
      expect(first.skipped).toBe(1);
      await runMigrations(db, []);
    } finally {
      spy.mockRestore();
    }
    const stored = (await db.doc.send(new GetCommand({ TableName: db.table, Key: key }))).Item ?? {};
    expect(stored).toMatchObject({
      name: 'yr ahnaV',
      municipalities: ['Kuopio', 'Iisalmi'],
      notes: 'Rivi\nToinen',
      memberNames: new Set(['Matti Meikäläinen']),
      version: dirty.version + 1,
    });
    expect(stored.gsi1sk).toBe(
      keys.directory(workspace.id, finnishCollationKey('yr ahnaV'), dirty.id).gsi1sk,
    );
    expect((await listDirectory(db, workspace.id)).items.map((a) => a.name)).toEqual([
      'Siisti ry',
      'yr ahnaV',
    ]);
    const inIisalmi = await listAssociationsInMunicipality(db, workspace.id, 'Iisalmi');
    expect(inIisalmi.items.map((a) => a.id)).toEqual([dirty.id]);
    // The clean association was never written; the dirty one was tried twice (once skipped), then not again.
    expect(puts.filter((p) => p.includes(clean.id))).toEqual([]);
    expect(puts.filter((p) => p === `${key.pk} ${key.sk}`)).toHaveLength(2);
    const third = await runMigrations(db, []);
    expect(third.skipped).toBe(0);
    expect((await db.doc.send(new GetCommand({ TableName: db.table, Key: key }))).Item).toEqual(stored);
  });

  it('turns a membership of the old shape (one per person and association) into a role period, and resumes after a cut', async () => {
    const db = await ownTableDb();
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Vanhan Muodon Yhdistys' });
    const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Olga Vanha' } });
    const cut = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Kalle Kesken' } });
    // As version 1 wrote them: `MEMBER#<person>`, no id.
    const oldShape = (personId: string, personName: string, role: string) => ({
      pk: `WS#${workspace.id}#ASSOC#${association.id}`,
      sk: `MEMBER#${personId}`,
      gsi1pk: `WS#${workspace.id}#PERSON#${personId}`,
      gsi1sk: `MEMBER#${association.id}`,
      type: 'membership',
      sv: 1,
      associationId: association.id,
      personId,
      role,
      startDate: '2020-01-01',
      personName,
      associationName: association.name,
      createdAt: '2020-01-01T10:00:00.000Z',
    });
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: oldShape(person.id, person.name, 'chair') }),
    );
    await db.doc.send(new PutCommand({ TableName: db.table, Item: oldShape(cut.id, cut.name, 'treasurer') }));
    // A run cut short after writing Kalle's new item, which was then edited (the role ended).
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...oldShape(cut.id, cut.name, 'treasurer'),
          ...keys.membership(workspace.id, association.id, cut.id, cut.id),
          sv: 2,
          id: cut.id,
          endDate: '2026-03-31',
        },
      }),
    );

    const first = await runMigrations(db);
    expect(first).toMatchObject({ upgraded: 2, skipped: 0 });
    const roles = (await listMembersOfAssociation(db, workspace.id, association.id)).items;
    expect(roles.map((r) => [r.personName, r.id, r.role, r.endDate ?? null, r.sv]).sort()).toEqual([
      ['Kalle Kesken', cut.id, 'treasurer', '2026-03-31', 2],
      ['Olga Vanha', person.id, 'chair', null, 2],
    ]);
    const old = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: { pk: `WS#${workspace.id}#ASSOC#${association.id}`, sk: `MEMBER#${person.id}` },
      }),
    );
    expect(old.Item).toBeUndefined();
    expect((await listAssociationsOfPerson(db, workspace.id, person.id)).items.map((r) => r.id)).toEqual([
      person.id,
    ]);
    // The moved role is a role period like any other: it ends by its id.
    await endMembership(db, workspace.id, {
      associationId: association.id,
      personId: person.id,
      roleId: person.id,
      seenRole: 'chair',
      endDate: '2026-04-30',
    });
    expect((await runMigrations(db)).upgraded).toBe(0);
  });

  it('backfills the reverse entries of the people met and indexes campaign rows by association, once', async () => {
    // A table of its own: the migration scans the whole table, so its counts are exact only here.
    const db = await ownTableDb();
    const ws = `mig-${newId().toLowerCase().slice(-10)}`;
    const associationId = newId();
    const personId = newId();
    const campaignId = newId();
    const interaction = (id: string, extra: Record<string, unknown> = {}) => ({
      ...keys.interaction(ws, associationId, '2026-03-02T10:00:00.000Z', id),
      type: 'interaction',
      sv: 1,
      id,
      associationId,
      kind: 'visit',
      occurredAt: '2026-03-02T10:00:00.000Z',
      personIds: [personId],
      topics: [],
      version: 1,
      ...extra,
    });
    const liveId = newId();
    const deletedId = newId();
    for (const Item of [
      interaction(liveId),
      interaction(deletedId, { deletedAt: '2026-03-03T10:00:00.000Z' }),
      {
        ...keys.campaignRow(ws, campaignId, associationId),
        type: 'campaignRow',
        sv: 1,
        campaignId,
        associationId,
        associationName: 'Vanha ry',
        version: 1,
      },
    ]) {
      await db.doc.send(new PutCommand({ TableName: db.table, Item }));
    }
    const first = await runMigrations(db);
    expect([first.upgraded, first.skipped]).toEqual([3, 0]);
    const entries = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.personPartition(ws, personId) },
      }),
    );
    // The deleted contact gets none.
    expect(entries.Items).toEqual([
      expect.objectContaining({
        ...keys.contactMet(ws, personId, '2026-03-02T10:00:00.000Z', liveId),
        type: 'contactMet',
        associationId,
        interactionId: liveId,
      }),
    ]);
    expect(await listCampaignRowsOfAssociation(db, ws, associationId)).toEqual([
      { campaignId, associationName: 'Vanha ry' },
    ]);
    const second = await runMigrations(db);
    expect([second.upgraded, second.skipped]).toEqual([0, 0]);
  });
});

import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { addDays, helsinkiDate } from '../time/helsinki';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { interactionRefItem } from '../interaction/interaction.store';
import { contactMetItem } from '../interaction/contacts-met.store';
import { addMembership, createPerson } from '../person/person.store';
import { campaignRowItem } from '../campaign/campaign.store';
import { CAMPAIGN_ROW_SCHEMA_VERSION } from '../campaign/campaign.schema';
import { stageChangeItem } from '../pipeline/stage-history.store';
import { keys } from './table';
import { describeRepair, ORPHAN_RECORD_MIN_AGE_MS, repairAllWorkspaces, repairWorkspace } from './repair';

const db = testDb();

async function stored(key: Record<string, string>) {
  return (await db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true }))).Item;
}

const oldTime = () => new Date(Date.now() - 2 * ORPHAN_RECORD_MIN_AGE_MS).toISOString();

describe('repair', () => {
  it('fixes each kind of damage once, reports it by kind, and writes nothing on a second run', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const untouched = await addAssociation(db, workspace);
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: { id: newId(), associationId: association.id, kind: 'call', occurredAt: oldTime() },
        nextFollowUp: { due: addDays(helsinkiDate(new Date()), 365) }, // within the five-year rule
      },
    });
    const profileKey = keys.association(workspace.id, association.id);
    // A crash left: the profile behind its stage history, a wrong open count, a missing
    // municipality entry and an idempotency record of a contact that was never stored.
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: stageChangeItem(workspace.id, {
          sv: 2,
          associationId: association.id,
          seq: 2,
          from: 'not_contacted',
          to: 'contacted',
          at: new Date().toISOString(),
          by: 'x',
        }),
      }),
    );
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: profileKey,
        UpdateExpression: 'SET openFollowUpCount = :n',
        ExpressionAttributeValues: { ':n': 5 },
      }),
    );
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: { pk: profileKey.pk, sk: `MUNI#${encodeURIComponent('Kuopio')}` },
      }),
    );
    // …and a duplicate lookup entry of a name the association no longer has.
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.duplicateEntry(workspace.id, association.id, 'n:vanhanimi|kuopio'),
          associationId: association.id,
        },
      }),
    );
    const orphanId = newId();
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...interactionRefItem(workspace.id, {
            associationId: association.id,
            id: orphanId,
            occurredAt: oldTime(),
          }),
          claimedAt: oldTime(),
        },
      }),
    );
    const youngId = newId();
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...interactionRefItem(workspace.id, {
            associationId: untouched.id,
            id: youngId,
            occurredAt: oldTime(),
          }),
          claimedAt: new Date().toISOString(),
        },
      }),
    );
    const untouchedRev = (await stored(keys.association(workspace.id, untouched.id)))?.summaryRev;

    const first = await repairWorkspace(db, workspace.id);
    expect(first).toMatchObject({
      associations: 2,
      stagesRepaired: 1,
      summariesFixed: 1,
      mergesFinished: 0,
      municipalityEntriesFixed: 1,
      duplicateEntriesFixed: 1,
      personCopiesFixed: 0,
      orphanRecordsRemoved: 1,
    });
    expect(first.cursor).toBeUndefined();
    const profile = await stored(profileKey);
    expect([profile?.stage, profile?.stageSeq, profile?.openFollowUpCount]).toEqual(['contacted', 2, 1]);
    expect(await stored(keys.interactionRef(workspace.id, association.id, orphanId))).toBeUndefined();
    // A young record may belong to a request still being written: it stays.
    const youngRef = keys.interactionRef(workspace.id, untouched.id, youngId);
    expect(await stored(youngRef)).toMatchObject(youngRef);
    // An association in order is not rewritten.
    expect((await stored(keys.association(workspace.id, untouched.id)))?.summaryRev).toBe(untouchedRev);

    const second = await repairWorkspace(db, workspace.id);
    expect(second).toMatchObject({
      associations: 2,
      stagesRepaired: 0,
      summariesFixed: 0,
      mergesFinished: 0,
      municipalityEntriesFixed: 0,
      duplicateEntriesFixed: 0,
      personCopiesFixed: 0,
      orphanRecordsRemoved: 0,
    });
    expect(describeRepair([first])).toContain(
      'stagesRepaired=1 summariesFixed=1 mergesFinished=0 municipalityEntriesFixed=1 duplicateEntriesFixed=1 personCopiesFixed=0 orphanRecordsRemoved=1',
    );
  });

  it('stops when told, between pages, and a resumed run checks the rest exactly once', async () => {
    const workspace = await freshWorkspace(db);
    for (let i = 0; i < 30; i++) await addAssociation(db, workspace, { name: `Yhdistys ${i} ry` });
    const stopped = await repairWorkspace(db, workspace.id, { shouldStop: () => true });
    expect(stopped.associations).toBe(25);
    expect(stopped.cursor).toEqual(expect.any(String));
    const resumed = await repairAllWorkspaces(db, {
      resume: { workspaceId: workspace.id, cursor: stopped.cursor },
      shouldStop: () => false,
      workspaceIds: [workspace.id],
    });
    expect(resumed.next).toBeUndefined();
    expect(resumed.reports[0]).toMatchObject({ workspaceId: workspace.id, associations: 5 });
  });
  it('recomputes the people met entries and the name copies on campaign rows that a cut-short write left wrong', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Oikea Nimi ry' });
    const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Tavattu Henkilö' } });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: person.id,
      role: 'chair',
    });
    const { interaction } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: {
          id: newId(),
          associationId: association.id,
          kind: 'visit',
          occurredAt: '2026-11-02T10:00:00.000Z',
          personIds: [person.id],
        },
      },
    });
    // A lost entry, and one of a contact that was never stored.
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.contactMet(workspace.id, person.id, interaction.occurredAt, interaction.id),
      }),
    );
    const never = { associationId: association.id, id: newId(), occurredAt: '2026-11-03T10:00:00.000Z' };
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: contactMetItem(workspace.id, person.id, never) }),
    );
    // A campaign row still carrying the name from before a rename that was cut short.
    const campaignId = newId();
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: campaignRowItem(workspace.id, {
          sv: CAMPAIGN_ROW_SCHEMA_VERSION,
          campaignId,
          associationId: association.id,
          associationName: 'Vanha Nimi ry',
          municipalities: ['Kuopio'],
          status: 'open',
          attempts: 0,
          interactionIds: [],
          version: 1,
        }),
      }),
    );

    const first = await repairWorkspace(db, workspace.id);
    expect(first).toMatchObject({ contactsMetFixed: 2, campaignRowNamesFixed: 1 });
    expect(
      await stored(keys.contactMet(workspace.id, person.id, interaction.occurredAt, interaction.id)),
    ).toMatchObject({
      associationId: association.id,
      interactionId: interaction.id,
    });
    expect(
      await stored(keys.contactMet(workspace.id, person.id, never.occurredAt, never.id)),
    ).toBeUndefined();
    expect(await stored(keys.campaignRow(workspace.id, campaignId, association.id))).toMatchObject({
      associationName: 'Oikea Nimi ry',
      version: 1,
    });
    const second = await repairWorkspace(db, workspace.id);
    expect(second).toMatchObject({ contactsMetFixed: 0, campaignRowNamesFixed: 0 });
    expect(describeRepair([first])).toContain('contactsMetFixed=2 campaignRowNamesFixed=1');
  });
});

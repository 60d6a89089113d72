// The contacts where a person was met (pattern 37) against dynalite: written with each contact,
// kept right on correction, deletion, association merge and person erasure, and never showing a
// contact that a cut-short write left behind.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { updateAssociationProfile } from '../association/association.store';
import { mergeAssociations } from '../association/merge-associations';
import { markAttendance } from '../event/event-attendance';
import { addRegistration, createEvent } from '../event/event.store';
import { armFaultPoints } from '../db/fault-points';
import { keys, sortKeyPrefixes } from '../db/table';
import { newId } from '../ids';
import { addMembership, createPerson } from '../person/person.store';
import { erasePerson } from '../privacy/erase-person';
import { subjectAccessReport } from '../privacy/subject-access';
import { correctInteraction, deleteInteraction } from './correct-interaction';
import {
  contactMetItem,
  listAllContactsMet,
  listContactsMet,
  syncContactsMetOfAssociation,
} from './contacts-met.store';
import { logContact } from './log-contact';

const db = testDb();

async function setUp() {
  const workspace = await freshWorkspace(db);
  const first = await addAssociation(db, workspace, { name: 'Ensimmäinen ry' });
  const second = await addAssociation(db, workspace, { name: 'Toinen ry' });
  const [seija, kalle] = await Promise.all(
    ['Seija Sihteerinen', 'Kalle Kalkkunen'].map((name) =>
      createPerson(db, workspace.id, { id: newId(), input: { name } }),
    ),
  );
  for (const association of [first, second]) {
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: seija!.id,
      role: 'secretary',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: kalle!.id,
      role: 'chair',
    });
  }
  const log = async (associationId: string, occurredAt: string, personIds: string[], kind = 'visit') =>
    (
      await logContact(db, workspace.id, {
        staffId: 'anna',
        input: {
          interaction: {
            id: newId(),
            associationId,
            kind,
            occurredAt,
            outcome: kind === 'visit' ? 'held' : 'reached',
            personIds,
          },
        },
      })
    ).interaction;
  return { workspace, first, second, seija: seija!, kalle: kalle!, log };
}

async function entriesOf(workspaceId: string, personId: string) {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.personPartition(workspaceId, personId),
        ':prefix': sortKeyPrefixes.contactMet,
      },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

describe('contacts where a person was met', () => {
  it('pattern 37: lists the contacts a person was met in, newest first and across pages, with the association, kind and outcome', async () => {
    const { workspace, first, second, seija, kalle, log } = await setUp();
    const oldest = await log(first.id, '2026-09-01T08:00:00.000Z', [seija.id]);
    const middle = await log(second.id, '2026-10-01T08:00:00.000Z', [seija.id, kalle.id], 'call');
    const newest = await log(first.id, '2026-11-01T08:00:00.000Z', [seija.id]);
    await log(first.id, '2026-11-02T08:00:00.000Z', [kalle.id]);

    const page1 = await listContactsMet(db, workspace.id, seija.id, { limit: 2 });
    expect(page1.items).toEqual([
      {
        interactionId: newest.id,
        associationId: first.id,
        associationName: 'Ensimmäinen ry',
        occurredAt: newest.occurredAt,
        kind: 'visit',
        outcome: 'held',
      },
      {
        interactionId: middle.id,
        associationId: second.id,
        associationName: 'Toinen ry',
        occurredAt: middle.occurredAt,
        kind: 'call',
        outcome: 'reached',
      },
    ]);
    const page2 = await listContactsMet(db, workspace.id, seija.id, { limit: 2, cursor: page1.cursor });
    expect(page2.items.map((c) => c.interactionId)).toEqual([oldest.id]);
    expect(page2.cursor).toBeUndefined();
    expect((await listAllContactsMet(db, workspace.id, kalle.id)).map((c) => c.associationName)).toEqual([
      'Ensimmäinen ry',
      'Toinen ry',
    ]);
    // The name is read when listed: a renamed association reads its new name at once.
    await updateAssociationProfile(db, workspace.id, {
      id: second.id,
      expectedVersion: 1,
      input: { name: 'Toinen uusi ry' },
      by: 'anna',
    });
    expect((await listAllContactsMet(db, workspace.id, kalle.id)).map((c) => c.associationName)).toEqual([
      'Ensimmäinen ry',
      'Toinen uusi ry',
    ]);
    // A person met nowhere has an empty list.
    const nobody = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Ei Kukaan' } });
    expect(await listContactsMet(db, workspace.id, nobody.id)).toEqual({ items: [] });
  });

  it('follows a correction (people added and removed, the kind changed) and a deletion', async () => {
    const { workspace, first, seija, kalle, log } = await setUp();
    const contact = await log(first.id, '2026-11-01T08:00:00.000Z', [seija.id]);
    const target = { associationId: first.id, id: contact.id };
    await correctInteraction(
      db,
      workspace.id,
      { ...target, expectedVersion: 1, kind: 'call', outcome: 'busy', personIds: [kalle.id] },
      'anna',
    );
    expect(await listAllContactsMet(db, workspace.id, seija.id)).toEqual([]);
    expect(await entriesOf(workspace.id, seija.id)).toEqual([]);
    expect(await listAllContactsMet(db, workspace.id, kalle.id)).toMatchObject([
      { interactionId: contact.id, kind: 'call', outcome: 'busy' },
    ]);
    await deleteInteraction(db, workspace.id, { ...target, expectedVersion: 2 }, 'anna');
    expect(await listAllContactsMet(db, workspace.id, kalle.id)).toEqual([]);
    expect(await entriesOf(workspace.id, kalle.id)).toEqual([]);
  });

  it('a retried contact writes its entries again, and an entry a cut-short write left is never shown', async () => {
    const { workspace, first, seija, log } = await setUp();
    const contact = await log(first.id, '2026-11-01T08:00:00.000Z', [seija.id]);
    // A crash after the interaction was stored but before its entry… (simulated by removing it)
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.contactMet(workspace.id, seija.id, contact.occurredAt, contact.id),
      }),
    );
    // …is healed by the resubmitted form, which logs nothing twice.
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: { ...contact, occurredAt: '2026-11-01T09:00:00.000Z' } },
    });
    expect((await listAllContactsMet(db, workspace.id, seija.id)).map((c) => c.interactionId)).toEqual([
      contact.id,
    ]);
    // An entry whose contact was never stored (a crash between the two) is skipped, and repair removes it.
    const never = { associationId: first.id, id: newId(), occurredAt: '2026-11-03T08:00:00.000Z' };
    await db.doc.send(
      new PutCommand({ TableName: db.table, Item: contactMetItem(workspace.id, seija.id, never) }),
    );
    expect((await listAllContactsMet(db, workspace.id, seija.id)).map((c) => c.interactionId)).toEqual([
      contact.id,
    ]);
    expect(await syncContactsMetOfAssociation(db, workspace.id, first.id)).toBe(1);
    expect(await entriesOf(workspace.id, seija.id)).toHaveLength(1);
    expect(await syncContactsMetOfAssociation(db, workspace.id, first.id)).toBe(0);
  });

  it('a contact cut short right after its interaction was stored already has its people met entries', async () => {
    const { workspace, first, seija } = await setUp();
    const id = newId();
    armFaultPoints(['log-contact:after-interaction'], (name) => {
      throw new Error(`stopped at ${name}`);
    });
    try {
      await expect(
        logContact(db, workspace.id, {
          staffId: 'anna',
          input: {
            interaction: {
              id,
              associationId: first.id,
              kind: 'visit',
              occurredAt: '2026-11-01T08:00:00.000Z',
              personIds: [seija.id],
            },
          },
        }),
      ).rejects.toThrow('stopped at log-contact:after-interaction');
    } finally {
      armFaultPoints([]);
    }
    expect((await listAllContactsMet(db, workspace.id, seija.id)).map((c) => c.interactionId)).toEqual([id]);
    expect(await syncContactsMetOfAssociation(db, workspace.id, first.id)).toBe(0);
  });

  it('follows an event’s attendance: a person who came is met there, and unmarked is not', async () => {
    const { workspace, first, seija } = await setUp();
    const event = await createEvent(db, workspace.id, {
      id: newId(),
      by: 'anna',
      input: { name: 'Foorumi Kuopiossa', kind: 'foorumi', date: '2026-11-04', municipality: 'Kuopio' },
    });
    const registration = await addRegistration(db, workspace.id, {
      eventId: event.id,
      id: newId(),
      by: 'anna',
      input: { associationId: first.id, personId: seija.id },
    });
    const mark = (attended: string[]) =>
      markAttendance(db, workspace.id, {
        eventId: event.id,
        attended: new Set(attended),
        versions: new Map(),
        by: 'anna',
      });
    await mark([registration.id]);
    expect(await listAllContactsMet(db, workspace.id, seija.id)).toMatchObject([
      { associationId: first.id, kind: 'event', occurredAt: '2026-11-04T10:00:00.000Z' },
    ]);
    await mark([]);
    expect(await listAllContactsMet(db, workspace.id, seija.id)).toEqual([]);
    expect(await entriesOf(workspace.id, seija.id)).toEqual([]);
    await mark([registration.id]);
    expect(await listAllContactsMet(db, workspace.id, seija.id)).toHaveLength(1);
  });

  it('a merge moves the entries to the association that stays', async () => {
    const { workspace, first, second, seija, log } = await setUp();
    const contact = await log(second.id, '2026-11-01T08:00:00.000Z', [seija.id]);
    await mergeAssociations(db, workspace, { duplicateId: second.id, survivorId: first.id, by: 'anna' });
    expect(await listAllContactsMet(db, workspace.id, seija.id)).toMatchObject([
      { interactionId: contact.id, associationId: first.id, associationName: 'Ensimmäinen ry' },
    ]);
    expect(await entriesOf(workspace.id, seija.id)).toMatchObject([{ associationId: first.id }]);
    expect(await syncContactsMetOfAssociation(db, workspace.id, first.id)).toBe(0);
  });

  it('subject access lists the entries, and erasure removes every one of them', async () => {
    const { workspace, first, second, seija, kalle, log } = await setUp();
    const one = await log(first.id, '2026-10-01T08:00:00.000Z', [seija.id, kalle.id]);
    const two = await log(second.id, '2026-11-01T08:00:00.000Z', [seija.id]);
    const access = await subjectAccessReport(db, workspace.id, { personId: seija.id, by: 'admin' });
    expect(access.contactsMet).toEqual([
      { interactionId: two.id, associationId: second.id, occurredAt: two.occurredAt },
      { interactionId: one.id, associationId: first.id, occurredAt: one.occurredAt },
    ]);
    await erasePerson(db, workspace.id, { personId: seija.id, by: 'admin' });
    expect(await entriesOf(workspace.id, seija.id)).toEqual([]);
    const profile = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.person(workspace.id, seija.id) }),
    );
    expect(profile.Item).toBeUndefined();
    // The colleague met in the same contact keeps it.
    expect((await listAllContactsMet(db, workspace.id, kalle.id)).map((c) => c.interactionId)).toEqual([
      one.id,
    ]);
  });
});

import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { listAudit } from '../audit/audit.store';
import { getAssociation } from '../association/association.store';
import { searchDirectory } from '../association/directory-search';
import { NotFoundError, ConflictError } from '../errors';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { getInteraction } from '../interaction/correct-interaction';
import { addMembership, createPerson, getPerson, updatePersonDetails } from '../person/person.store';
import { helsinkiMonth } from '../time/helsinki';
import { erasePerson, getErasure } from './erase-person';
import { recordOfProcessing } from './record-of-processing';
import { subjectAccessReport } from './subject-access';
import { addRegistration, createEvent, getEventWithDetails } from '../event/event.store';

const db = testDb();

/** Unique values that must not survive an erasure anywhere in the table. */
function canaries() {
  const tag = newId().slice(-8);
  return {
    name: `Kanarialintu Q${tag}`,
    email: `kanaria-${tag.toLowerCase()}@example.invalid`,
    phone: `+358 40 ${tag.slice(0, 4).replace(/\D/g, '7')} 9931`,
    notes: `Muistiinpano-kanaria-${tag}`,
  };
}

async function scanTable(): Promise<string> {
  const items: unknown[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return JSON.stringify(items, (_key, value: unknown) => (value instanceof Set ? [...value] : value));
}

describe('privacy', () => {
  it('erasure removes a person from every item and index; interactions keep a placeholder', async () => {
    const workspace = await freshWorkspace(db);
    const first = await addAssociation(db, workspace, { name: 'Ensimmäinen ry' });
    const second = await addAssociation(db, workspace, { name: 'Toinen ry' });
    const canary = canaries();
    const person = await createPerson(db, workspace.id, {
      id: newId(),
      input: { ...canary, lawfulBasis: 'Oikeutettu etu' },
    });
    const colleague = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Kollega Pysyy' } });
    for (const association of [first, second]) {
      await addMembership(db, workspace.id, {
        id: newId(),
        associationId: association.id,
        personId: person.id,
        role: 'chair',
      });
    }
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: first.id,
      personId: colleague.id,
      role: 'secretary',
    });
    const met = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: {
          id: newId(),
          associationId: first.id,
          kind: 'visit',
          occurredAt: new Date().toISOString(),
          outcome: 'held',
          personIds: [colleague.id, person.id],
        },
      },
    });
    // An event registration with the person's own (possibly health) details.
    const event = await createEvent(db, workspace.id, {
      id: newId(),
      by: 'anna',
      input: { name: 'Pienmarkkinat Kuopiossa', kind: 'pienmarkkinat', date: '2026-09-12' },
    });
    const registration = await addRegistration(db, workspace.id, {
      eventId: event.id,
      id: newId(),
      by: 'anna',
      input: { personId: person.id, associationId: first.id, email: canary.email, dietary: canary.notes },
    });
    expect(registration.name).toBe(canary.name);
    expect(await scanTable()).toContain(canary.name);
    const search = await searchDirectory(
      db,
      workspace.id,
      { q: canary.name.split(' ')[1] ?? '' },
      { limit: 50 },
    );
    expect(search.entries.map((a) => a.id)).toContain(first.id);

    const access = await subjectAccessReport(db, workspace.id, { personId: person.id, by: 'admin-1' });
    expect(access.person.email).toBe(canary.email);
    expect(access.memberships.map((m) => m.associationName).sort()).toEqual(['Ensimmäinen ry', 'Toinen ry']);
    expect(access.interactions.map((i) => i.id)).toEqual([met.interaction.id]);
    expect(access.registrations).toEqual([
      expect.objectContaining({
        eventName: 'Pienmarkkinat Kuopiossa',
        dietary: canary.notes,
        attended: false,
      }),
    ]);

    const report = await erasePerson(db, workspace.id, { personId: person.id, by: 'admin-1' });
    expect(report).toEqual({ memberships: 2, interactions: 1, registrations: 1 });
    // The registration stays as a count, with nothing of who it was.
    const { registrations } = await getEventWithDetails(db, workspace.id, event.id);
    expect(registrations).toEqual([
      expect.objectContaining({ id: registration.id, name: '–', associationId: first.id }),
    ]);
    expect(registrations[0]?.personId).toBeUndefined();

    const everything = await scanTable();
    for (const value of Object.values(canary)) expect(everything).not.toContain(value);
    expect(everything).not.toContain(canary.name.split(' ')[1]);
    await expect(getPerson(db, workspace.id, person.id)).rejects.toBeInstanceOf(NotFoundError);
    const interaction = await getInteraction(db, workspace.id, first.id, met.interaction.id);
    expect(interaction.personIds).toEqual([colleague.id]);
    expect((interaction as unknown as { erasedPeople: number }).erasedPeople).toBe(1);
    const profile = (await getAssociation(db, workspace.id, first.id)) as unknown as {
      memberNames: Set<string>;
    };
    expect(profile.memberNames).toEqual(new Set(['Kollega Pysyy']));
    expect((await getErasure(db, workspace.id, person.id))?.erasedBy).toBe('admin-1');
    const audit = await listAudit(db, workspace.id, {
      month: helsinkiMonth(new Date()),
      action: 'person.erase',
    });
    expect(audit.items.map((e) => e.entityId)).toEqual([person.id]);

    // Erasing again is harmless (a retry after a crash finishes the job).
    expect(await erasePerson(db, workspace.id, { personId: person.id, by: 'admin-1' })).toEqual({
      memberships: 0,
      interactions: 0,
      registrations: 0,
    });
  });

  it('a person’s privacy fields are edited with a version check', async () => {
    const workspace = await freshWorkspace(db);
    const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Veera Vastustaja' } });
    const updated = await updatePersonDetails(db, workspace.id, {
      id: person.id,
      expectedVersion: person.version,
      input: { objected: true, lawfulBasis: 'Suostumus peruttu 2026-11-24', email: 'veera@example.invalid' },
    });
    expect(updated).toMatchObject({
      objected: true,
      lawfulBasis: 'Suostumus peruttu 2026-11-24',
      version: 2,
    });
    await expect(
      updatePersonDetails(db, workspace.id, {
        id: person.id,
        expectedVersion: person.version,
        input: { objected: false },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('the record of processing describes every personal data field of the data model', () => {
    const record = recordOfProcessing();
    const person = record.find((category) => category.id === 'person');
    expect(person?.fields.map((f) => f.name)).toEqual([
      'name',
      'email',
      'phone',
      'notes',
      'objected',
      'lawfulBasis',
    ]);
    for (const category of record)
      for (const field of category.fields) expect(field.description.fi).not.toBe('');
  });
});

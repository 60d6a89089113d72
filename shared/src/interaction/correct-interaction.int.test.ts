import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { getAssociation } from '../association/association.store';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { newId } from '../ids';
import { addMembership, createPerson } from '../person/person.store';
import { correctInteraction, deleteInteraction, getInteraction } from './correct-interaction';
import { listTimeline } from './interaction.store';
import { logContact } from './log-contact';

const db = testDb();

async function logged(occurredAt: string) {
  const workspace = await freshWorkspace(db);
  const association = await addAssociation(db, workspace);
  const { interaction } = await logContact(db, workspace.id, {
    staffId: 'anna',
    input: {
      interaction: {
        id: newId(),
        associationId: association.id,
        kind: 'call',
        occurredAt,
        outcome: 'no_answer',
      },
    },
  });
  return { workspace, association, interaction };
}

describe('correcting and deleting a logged contact', () => {
  it('corrects the outcome and notes, records who and when, and refuses a stale version', async () => {
    const { workspace, association, interaction } = await logged('2026-11-20T10:00:00.000Z');
    const target = { associationId: association.id, id: interaction.id, expectedVersion: 1 };
    const corrected = await correctInteraction(
      db,
      workspace.id,
      { ...target, kind: 'call', outcome: 'reached', notes: 'Tavoitettiin sittenkin' },
      'ville',
    );
    expect(corrected).toMatchObject({
      outcome: 'reached',
      notes: 'Tavoitettiin sittenkin',
      version: 2,
      updatedBy: 'ville',
    });
    await expect(
      correctInteraction(db, workspace.id, { ...target, kind: 'call', notes: 'x' }, 'anna'),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      correctInteraction(
        db,
        workspace.id,
        { ...target, expectedVersion: 2, kind: 'visit', outcome: 'busy' },
        'anna',
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('deletes softly: gone from the timeline and the summary, kept on the item with who deleted it', async () => {
    const { workspace, association, interaction } = await logged('2026-11-20T10:00:00.000Z');
    expect((await getAssociation(db, workspace.id, association.id)).lastContactAt).toBe(
      '2026-11-20T10:00:00.000Z',
    );
    await deleteInteraction(
      db,
      workspace.id,
      { associationId: association.id, id: interaction.id, expectedVersion: 1 },
      'ville',
    );
    expect((await listTimeline(db, workspace.id, association.id)).items).toEqual([]);
    expect((await getAssociation(db, workspace.id, association.id)).lastContactAt).toBeUndefined();
    await expect(getInteraction(db, workspace.id, association.id, interaction.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('refuses a correction that adds a person met who never was a member of the association', async () => {
    const { workspace, association, interaction } = await logged('2026-11-20T10:00:00.000Z');
    const [member, stranger] = await Promise.all(
      ['Jäsen Jaana', 'Vieras Ville'].map((name) =>
        createPerson(db, workspace.id, { id: newId(), input: { name } }),
      ),
    );
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: member!.id,
      role: 'chair',
    });
    const target = { associationId: association.id, id: interaction.id, kind: 'call', outcome: 'reached' };
    const refused = await correctInteraction(
      db,
      workspace.id,
      { ...target, expectedVersion: 1, personIds: [member!.id, stranger!.id] },
      'ville',
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.map((f) => f.field)).toEqual(['personIds']);
    expect((await getInteraction(db, workspace.id, association.id, interaction.id)).version).toBe(1);
    const corrected = await correctInteraction(
      db,
      workspace.id,
      { ...target, expectedVersion: 1, personIds: [member!.id] },
      'ville',
    );
    expect(corrected.personIds).toEqual([member!.id]);
  });
});

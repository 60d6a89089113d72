import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { ValidationError } from '../errors';
import { newId } from '../ids';
import {
  addMembership,
  createPerson,
  getPerson,
  listAssociationsOfPerson,
  listMembersOfAssociation,
} from './person.store';

const db = testDb();

describe('person store', () => {
  it('pattern 10: stores a person once and reads the profile back', async () => {
    const workspace = await freshWorkspace(db);
    const person = await createPerson(db, workspace.id, {
      id: newId(),
      input: { name: 'Äijälä Örjan', email: 'orjan@example.invalid', lawfulBasis: 'Oikeutettu etu' },
    });
    const read = await getPerson(db, workspace.id, person.id);
    expect(read).toMatchObject({ name: 'Äijälä Örjan', email: 'orjan@example.invalid', objected: false });
  });

  it('patterns 4a and 4b: memberships are listed from both sides with role and names', async () => {
    const workspace = await freshWorkspace(db);
    const kerho = await addAssociation(db, workspace, { name: 'Tuusniemen Kerho', frame: 'kerho' });
    const liitto = await addAssociation(db, workspace, { name: 'Savon Liitto', frame: 'liitto' });
    const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Liisa Mäkinen' } });
    const other = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Pekka Åkerlund' } });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: kerho.id,
      personId: person.id,
      role: 'chair',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: liitto.id,
      personId: person.id,
      role: 'secretary',
      startDate: '2024-01-01',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: kerho.id,
      personId: other.id,
      role: 'treasurer',
    });

    const members = await listMembersOfAssociation(db, workspace.id, kerho.id);
    expect(members.items.map((m) => [m.personName, m.role]).sort()).toEqual([
      ['Liisa Mäkinen', 'chair'],
      ['Pekka Åkerlund', 'treasurer'],
    ]);
    const ofPerson = await listAssociationsOfPerson(db, workspace.id, person.id);
    expect(ofPerson.items.map((m) => [m.associationName, m.role]).sort()).toEqual([
      ['Savon Liitto', 'secretary'],
      ['Tuusniemen Kerho', 'chair'],
    ]);
  });

  it('rejects a membership that ends before it starts, and writes nothing', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Aino' } });
    await expect(
      addMembership(db, workspace.id, {
        id: newId(),
        associationId: association.id,
        personId: person.id,
        role: 'chair',
        startDate: '2026-05-01',
        endDate: '2026-01-01',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await listMembersOfAssociation(db, workspace.id, association.id)).items).toEqual([]);
  });
});

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, ownTableDb, testDb } from '../../../test/support/test-db';
import { runMigrations } from '../db/migrate';
import { keys } from '../db/table';
import { getAssociation, updateAssociationProfile } from '../association/association.store';
import { repairWorkspace } from '../db/repair';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { addPersonToAssociation } from './add-person';
import { changeMembershipRole, endMembership } from './membership-edits';
import { renamePerson } from './person-copies';
import { getPerson, listAssociationsOfPerson, listMembersOfAssociation, listPeople } from './person.store';

const db = testDb();

describe('adding people to associations', () => {
  it('one person in two associations is stored once: the second add offers the namesake', async () => {
    const workspace = await freshWorkspace(db);
    const heart = await addAssociation(db, workspace, { name: 'Sydänyhdistys ry' });
    const lung = await addAssociation(db, workspace, { name: 'Hengitysyhdistys ry' });
    const first = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: heart.id,
      name: 'Maija Meikäläinen',
      email: 'maija@example.invalid',
      role: 'secretary',
      startDate: '2024-03-01',
    });
    if (first.kind !== 'added') throw new Error('added');
    const asked = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: lung.id,
      name: '  maija  meikäläinen ',
      role: 'secretary',
    });
    expect(asked).toEqual({
      kind: 'sameName',
      people: [{ id: first.membership.personId, name: 'Maija Meikäläinen', email: 'maija@example.invalid' }],
    });
    await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: lung.id,
      personId: first.membership.personId,
      role: 'secretary',
    });
    const roles = await listAssociationsOfPerson(db, workspace.id, first.membership.personId);
    expect(roles.items.map((m) => m.associationName).sort()).toEqual([
      'Hengitysyhdistys ry',
      'Sydänyhdistys ry',
    ]);
    expect((await listPeople(db, workspace.id)).items.map((p) => p.name)).toEqual(['Maija Meikäläinen']);

    // Someone else of the same name, on purpose: a second person.
    const other = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: lung.id,
      name: 'Maija Meikäläinen',
      role: 'chair',
      createNew: 'yes',
    });
    expect(other.kind).toBe('added');
    expect((await listPeople(db, workspace.id)).items).toHaveLength(2);
    expect((await listMembersOfAssociation(db, workspace.id, lung.id)).items).toHaveLength(2);
  });

  it('refuses a missing name or an unknown role with field messages and writes nothing', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    for (const [bad, field] of [
      [{ name: ' ' }, 'name'],
      [{ role: 'kuningas' }, 'role'],
      [{ email: 'ei-osoite' }, 'email'],
    ] as const) {
      const error = await addPersonToAssociation(db, workspace.id, {
        id: newId(),
        associationId: association.id,
        name: 'Kalle Kokeilu',
        role: 'contact',
        ...bad,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields.map((f) => f.field)).toContain(field);
    }
    expect((await listPeople(db, workspace.id)).items).toEqual([]);
  });
});

describe('pattern 36: the people directory', () => {
  it('lists people in Finnish order and by the start of a name, across pages', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    for (const name of ['Östen Öberg', 'Aino Aalto', 'Ääpeli Äijälä', 'Zacharias Zetterberg', 'Anna Aho']) {
      await addPersonToAssociation(db, workspace.id, {
        id: newId(),
        associationId: association.id,
        name,
        role: 'board_member',
      });
    }
    const first = await listPeople(db, workspace.id, { limit: 3 });
    const rest = await listPeople(db, workspace.id, { limit: 3, cursor: first.cursor });
    expect([...first.items, ...rest.items].map((p) => p.name)).toEqual([
      'Aino Aalto',
      'Anna Aho',
      'Zacharias Zetterberg',
      'Ääpeli Äijälä',
      'Östen Öberg',
    ]);
    expect((await listPeople(db, workspace.id, { prefix: 'an' })).items.map((p) => p.name)).toEqual([
      'Anna Aho',
    ]);
    expect((await listPeople(db, workspace.id, { prefix: 'ää' })).items.map((p) => p.name)).toEqual([
      'Ääpeli Äijälä',
    ]);
  });

  it('the migration lists a person written before the directory', async () => {
    const own = await ownTableDb();
    const workspace = await freshWorkspace(own);
    const association = await addAssociation(own, workspace);
    const added = await addPersonToAssociation(own, workspace.id, {
      id: newId(),
      associationId: association.id,
      name: 'Vanha Henkilö',
      role: 'contact',
    });
    if (added.kind !== 'added') throw new Error('added');
    await own.doc.send(
      new UpdateCommand({
        TableName: own.table,
        Key: keys.person(workspace.id, added.membership.personId),
        UpdateExpression: 'SET sv = :one REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    expect((await listPeople(own, workspace.id)).items).toEqual([]);
    await runMigrations(own);
    expect((await listPeople(own, workspace.id)).items.map((p) => [p.name, p.sv])).toEqual([
      ['Vanha Henkilö', 2],
    ]);
  });
});

describe('correcting a person’s name', () => {
  it('is version-checked and reaches every copy; a namesake keeps theirs; repair heals a cut-short rename', async () => {
    const workspace = await freshWorkspace(db);
    const heart = await addAssociation(db, workspace, { name: 'Sydän ry' });
    const lung = await addAssociation(db, workspace, { name: 'Keuhko ry' });
    const add = async (associationId: string, extra: Record<string, unknown>) => {
      const result = await addPersonToAssociation(db, workspace.id, {
        id: newId(),
        associationId,
        role: 'secretary',
        createNew: 'yes',
        ...extra,
      });
      if (result.kind !== 'added') throw new Error('added');
      return result.membership.personId;
    };
    const misspelt = await add(heart.id, { name: 'Liisa Lajunen' });
    await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: lung.id,
      personId: misspelt,
      role: 'chair',
    });
    await add(heart.id, { name: 'Liisa Lajunen' }); // another person of the same (wrong) name
    const person = await getPerson(db, workspace.id, misspelt);

    await expect(
      renamePerson(db, workspace.id, {
        id: misspelt,
        expectedVersion: person.version + 1,
        name: 'Liisa Lajunen',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await renamePerson(db, workspace.id, {
      id: misspelt,
      expectedVersion: person.version,
      name: 'Liisa Laajunen',
    });

    const namesIn = async (associationId: string) =>
      (await listMembersOfAssociation(db, workspace.id, associationId)).items.map((m) => m.personName).sort();
    expect(await namesIn(heart.id)).toEqual(['Liisa Laajunen', 'Liisa Lajunen']);
    expect(await namesIn(lung.id)).toEqual(['Liisa Laajunen']);
    expect([
      ...((await getAssociation(db, workspace.id, lung.id)) as unknown as { memberNames: Set<string> })
        .memberNames,
    ]).toEqual(['Liisa Laajunen']);
    expect((await listPeople(db, workspace.id, { prefix: 'liisa laa' })).items.map((p) => p.id)).toEqual([
      misspelt,
    ]);

    // A crash after the person was written left the old name in a copy: repair puts it right once.
    const [lungRole] = (await listMembersOfAssociation(db, workspace.id, lung.id)).items;
    const { pk, sk } = keys.membership(workspace.id, lung.id, misspelt, lungRole!.id);
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk },
        UpdateExpression: 'SET personName = :old',
        ExpressionAttributeValues: { ':old': 'Liisa Lajunen' },
      }),
    );
    expect((await repairWorkspace(db, workspace.id)).personCopiesFixed).toBe(1);
    expect(await namesIn(lung.id)).toEqual(['Liisa Laajunen']);
    expect((await repairWorkspace(db, workspace.id)).personCopiesFixed).toBe(0);
  });
});

describe('renaming an association', () => {
  it('corrects its name in its people’s memberships too', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Kirjoitusvirhe ry' });
    const added = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      name: 'Pekka Puheenjohtaja',
      role: 'chair',
    });
    if (added.kind !== 'added') throw new Error('added');
    await updateAssociationProfile(db, workspace.id, {
      id: association.id,
      expectedVersion: (await getAssociation(db, workspace.id, association.id)).version,
      input: { name: 'Kirjoitusasu ry' },
      by: 'staff',
    });
    const roles = await listAssociationsOfPerson(db, workspace.id, added.membership.personId);
    expect(roles.items.map((m) => m.associationName)).toEqual(['Kirjoitusasu ry']);
    expect((await repairWorkspace(db, workspace.id)).personCopiesFixed).toBe(0);
  });
});

describe('board changes', () => {
  it('a role ends on a date (kept as history) or changes; a stale view is a conflict', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const added = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      name: 'Kalle Kalkkunen',
      role: 'chair',
      startDate: '2022-04-01',
    });
    if (added.kind !== 'added') throw new Error('added');
    const target = {
      associationId: association.id,
      personId: added.membership.personId,
      roleId: added.membership.id,
    };
    const early = await endMembership(db, workspace.id, {
      ...target,
      seenRole: 'chair',
      endDate: '2021-01-01',
    }).catch((e: unknown) => e);
    expect((early as ValidationError).fields.map((f) => f.field)).toEqual(['endDate']);
    await changeMembershipRole(db, workspace.id, { ...target, seenRole: 'chair', role: 'vice_chair' });
    // Someone who still saw "chair" cannot end it without seeing the change first.
    await expect(
      endMembership(db, workspace.id, { ...target, seenRole: 'chair', endDate: '2026-03-31' }),
    ).rejects.toBeInstanceOf(ConflictError);
    await endMembership(db, workspace.id, { ...target, seenRole: 'vice_chair', endDate: '2026-03-31' });
    const [membership] = (await listMembersOfAssociation(db, workspace.id, association.id)).items;
    expect(membership).toMatchObject({ role: 'vice_chair', startDate: '2022-04-01', endDate: '2026-03-31' });
    // An ended role is not changed again.
    await expect(
      changeMembershipRole(db, workspace.id, { ...target, seenRole: 'vice_chair', role: 'chair' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('one person holds several roles in one association, at once and over time; the same current role twice is refused', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const formId = newId();
    const secretary = await addPersonToAssociation(db, workspace.id, {
      id: formId,
      associationId: association.id,
      name: 'Sirpa Sihteeri',
      role: 'secretary',
      startDate: '2019-03-01',
    });
    if (secretary.kind !== 'added') throw new Error('added');
    const personId = secretary.membership.personId;
    // The same form sent again adds nothing.
    await addPersonToAssociation(db, workspace.id, {
      id: formId,
      associationId: association.id,
      personId,
      role: 'secretary',
      startDate: '2019-03-01',
    });
    await endMembership(db, workspace.id, {
      associationId: association.id,
      personId,
      roleId: secretary.membership.id,
      seenRole: 'secretary',
      endDate: '2022-04-30',
    });
    const chair = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId,
      role: 'chair',
      startDate: '2022-05-01',
    });
    const treasurer = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId,
      role: 'treasurer',
      startDate: '2023-01-01',
    });
    expect([chair.kind, treasurer.kind]).toEqual(['added', 'added']);
    const again = await addPersonToAssociation(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId,
      role: 'chair',
    }).catch((e: unknown) => e);
    expect((again as ValidationError).fields.map((f) => f.field)).toEqual(['role']);

    const roles = (await listMembersOfAssociation(db, workspace.id, association.id)).items;
    expect(roles.map((r) => [r.role, r.startDate, r.endDate ?? null]).sort()).toEqual([
      ['chair', '2022-05-01', null],
      ['secretary', '2019-03-01', '2022-04-30'],
      ['treasurer', '2023-01-01', null],
    ]);
    expect(new Set(roles.map((r) => r.personId))).toEqual(new Set([personId]));
    const ofPerson = (await listAssociationsOfPerson(db, workspace.id, personId)).items;
    expect(ofPerson).toHaveLength(3);
  });
});

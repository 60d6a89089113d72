import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { keys } from '../db/table';
import { repairWorkspace } from '../db/repair';
import type { ValidationError } from '../errors';
import { finnishCollationKey } from '../text/finnish-collation';
import { getAssociation, updateAssociationProfile } from './association.store';
import { listMemberAssociations, parentFromForm } from './parent-association';

const db = testDb();

const fieldOf = (error: unknown) => (error as ValidationError).fields.map((f) => [f.field, f.message.en]);

describe('umbrella organisations', () => {
  it('pattern 40: an umbrella lists its member associations in Finnish order, and follows their edits', async () => {
    const workspace = await freshWorkspace(db);
    const piiri = await addAssociation(db, workspace, {
      name: 'Pohjois-Savon Sydänpiiri ry',
      frame: 'piiri',
    });
    const ö = await addAssociation(db, workspace, { name: 'Östersundomin Sydän ry', parentId: piiri.id });
    const a = await addAssociation(db, workspace, { name: 'Alavan Sydän ry', parentId: piiri.id });
    await addAssociation(db, workspace, { name: 'Muu yhdistys ry' });
    const names = async () =>
      (await listMemberAssociations(db, workspace.id, piiri.id)).items.map((m) => m.name);
    expect(await names()).toEqual(['Alavan Sydän ry', 'Östersundomin Sydän ry']);

    // Renamed, it moves in the order; its parent removed, it leaves the list.
    await updateAssociationProfile(db, workspace.id, {
      id: a.id,
      expectedVersion: a.version,
      input: { name: 'Ylä-Savon Sydän ry' },
      by: 'test-staff',
    });
    expect(await names()).toEqual(['Ylä-Savon Sydän ry', 'Östersundomin Sydän ry']);
    await updateAssociationProfile(db, workspace.id, {
      id: ö.id,
      expectedVersion: ö.version,
      input: { parentId: '' },
      by: 'test-staff',
    });
    expect(await names()).toEqual(['Ylä-Savon Sydän ry']);
    expect((await getAssociation(db, workspace.id, ö.id)).parentId).toBeUndefined();

    // An entry a crash never wrote is put back by repair, once.
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: (({ pk, sk }) => ({ pk, sk }))(
          keys.parentEntry(workspace.id, a.id, piiri.id, finnishCollationKey('Ylä-Savon Sydän ry')),
        ),
      }),
    );
    expect(await names()).toEqual([]);
    expect((await repairWorkspace(db, workspace.id)).parentEntriesFixed).toBe(1);
    expect(await names()).toEqual(['Ylä-Savon Sydän ry']);
    expect((await repairWorkspace(db, workspace.id)).parentEntriesFixed).toBe(0);
  });

  it('the form finds the parent by the start of its name, asks when several match, and keeps the shown one', async () => {
    const workspace = await freshWorkspace(db);
    const liitto = await addAssociation(db, workspace, {
      name: 'Savon Mielenterveysliitto ry',
      frame: 'liitto',
    });
    const piiri = await addAssociation(db, workspace, {
      name: 'Savon Mielenterveyspiiri ry',
      frame: 'piiri',
    });
    const self = await addAssociation(db, workspace, { name: 'Savon Mielenterveysyhdistys ry' });
    await addAssociation(db, workspace, { name: 'Savon kunta', kind: 'kunta', municipalities: ['Kuopio'] });
    const choose = (values: Record<string, unknown>) => parentFromForm(db, workspace.id, self.id, values);

    expect(await choose({ parentName: 'savon mielenterveysl' })).toEqual({
      kind: 'chosen',
      parentId: liitto.id,
    });
    // Several start so (itself and partners never count): the user chooses.
    expect(await choose({ parentName: 'Savon Mielen' })).toEqual({
      kind: 'choose',
      candidates: [expect.objectContaining({ id: liitto.id }), expect.objectContaining({ id: piiri.id })],
    });
    expect(await choose({ parentName: 'Savon Mielen', parentChoice: piiri.id })).toEqual({
      kind: 'chosen',
      parentId: piiri.id,
    });
    // The full name of one of them is that one.
    expect(await choose({ parentName: 'Savon Mielenterveyspiiri ry' })).toEqual({
      kind: 'chosen',
      parentId: piiri.id,
    });
    // The stored parent, shown unchanged, stays; an emptied field removes it.
    expect(await choose({ parentName: 'Savon X', parentNameShown: 'Savon X', parentId: liitto.id })).toEqual({
      kind: 'chosen',
      parentId: liitto.id,
    });
    expect(await choose({ parentName: '  ', parentId: liitto.id })).toEqual({ kind: 'chosen', parentId: '' });
    expect(fieldOf(await choose({ parentName: 'Ei ole olemassa' }).catch((e: unknown) => e))).toEqual([
      ['parentName', 'No association starts with this name. Check the name or leave the field empty.'],
    ]);
  });

  it('refuses itself, a partner and a cycle as the parent, with a field message, and saves nothing', async () => {
    const workspace = await freshWorkspace(db);
    const top = await addAssociation(db, workspace, { name: 'Ylin Liitto ry', frame: 'liitto' });
    const middle = await addAssociation(db, workspace, {
      name: 'Keskipiiri ry',
      frame: 'piiri',
      parentId: top.id,
    });
    const bottom = await addAssociation(db, workspace, {
      name: 'Alaosasto ry',
      frame: 'alaosasto',
      parentId: middle.id,
    });
    const partner = await addAssociation(db, workspace, {
      name: 'Kunta',
      kind: 'kunta',
      municipalities: ['Kuopio'],
    });
    const setParent = async (id: string, parentId: string) =>
      updateAssociationProfile(db, workspace.id, {
        id,
        expectedVersion: (await getAssociation(db, workspace.id, id)).version,
        input: { parentId },
        by: 'test-staff',
      }).catch((e: unknown) => e);
    expect(fieldOf(await setParent(top.id, top.id))).toEqual([
      ['parentName', 'An association cannot be its own umbrella organisation.'],
    ]);
    expect(fieldOf(await setParent(top.id, bottom.id))).toEqual([
      ['parentName', 'This umbrella organisation itself belongs to this association. Choose another.'],
    ]);
    expect(fieldOf(await setParent(bottom.id, partner.id))).toEqual([
      ['parentName', 'A partner cannot be an umbrella organisation. Choose an association.'],
    ]);
    expect((await getAssociation(db, workspace.id, top.id)).parentId).toBeUndefined();
    expect((await getAssociation(db, workspace.id, bottom.id)).parentId).toBe(middle.id);
  });
});

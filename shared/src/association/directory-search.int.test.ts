import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { ValidationError } from '../errors';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { addMembership, createPerson } from '../person/person.store';
import { updateAssociationProfile } from './association.store';
import { searchDirectory } from './directory-search';

const now = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => now });

async function arrange() {
  const workspace = await freshWorkspace(db);
  const kerho = await addAssociation(db, workspace, {
    name: 'Mäntyrinteen Kerho',
    frame: 'kerho',
    municipalities: ['Kuopio'],
    targetGroups: ['ikääntyneet'],
  });
  const yhdistys = await addAssociation(db, workspace, {
    name: 'Öljymäen Yhdistys ry',
    municipalities: ['Varkaus'],
  });
  const liitto = await addAssociation(db, workspace, {
    name: 'Savon Liitto ry',
    frame: 'liitto',
    municipalities: ['Kuopio'],
  });
  const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Kerttu Väisänen' } });
  await addMembership(db, workspace.id, {
    id: newId(),
    associationId: liitto.id,
    personId: person.id,
    role: 'chair',
  });
  await logContact(db, workspace.id, {
    staffId: 'anna',
    input: {
      interaction: { id: newId(), associationId: kerho.id, kind: 'call', occurredAt: now.toISOString() },
      nextFollowUp: { due: '2026-12-01' },
    },
  });
  return { workspace, kerho, yhdistys, liitto };
}

const names = (page: { entries: { name: string }[] }) => page.entries.map((e) => e.name);

describe('directory search', () => {
  it('serves the default view from the directory index, in Finnish order', async () => {
    const { workspace } = await arrange();
    const page = await searchDirectory(db, workspace.id, {}, { limit: 10 });
    expect(page.servedBy).toBe('directory-index');
    expect(names(page)).toEqual(['Mäntyrinteen Kerho', 'Savon Liitto ry', 'Öljymäen Yhdistys ry']);
  });

  it('finds by part of a name with ä/ö in any case, by municipality and by a member’s name', async () => {
    const { workspace } = await arrange();
    expect(names(await searchDirectory(db, workspace.id, { q: 'MÄEN' }, { limit: 10 }))).toEqual([
      'Öljymäen Yhdistys ry',
    ]);
    expect(names(await searchDirectory(db, workspace.id, { q: 'öljy' }, { limit: 10 }))).toEqual([
      'Öljymäen Yhdistys ry',
    ]);
    expect(names(await searchDirectory(db, workspace.id, { q: 'varkaus' }, { limit: 10 }))).toEqual([
      'Öljymäen Yhdistys ry',
    ]);
    expect(names(await searchDirectory(db, workspace.id, { q: 'väisänen' }, { limit: 10 }))).toEqual([
      'Savon Liitto ry',
    ]);
    const result = await searchDirectory(db, workspace.id, { q: 'kerho kuopio' }, { limit: 10 });
    expect(result).toMatchObject({ servedBy: 'summaries', total: 1 });
  });

  it('filters by municipality, frame, target group, stage, open follow-ups and time since contact', async () => {
    const { workspace } = await arrange();
    const search = async (filter: Record<string, string>) =>
      names(await searchDirectory(db, workspace.id, filter, { limit: 10 }));
    expect(await search({ municipality: 'Kuopio' })).toEqual(['Mäntyrinteen Kerho', 'Savon Liitto ry']);
    const byIndex = await searchDirectory(db, workspace.id, { municipality: 'Kuopio' }, { limit: 10 });
    expect(byIndex.servedBy).toBe('municipality-index');
    expect(await search({ frame: 'liitto' })).toEqual(['Savon Liitto ry']);
    expect(await search({ targetGroup: 'ikääntyneet' })).toEqual(['Mäntyrinteen Kerho']);
    expect(await search({ openFollowUps: 'yes' })).toEqual(['Mäntyrinteen Kerho']);
    expect(await search({ noContactMonths: '3' })).toEqual(['Savon Liitto ry', 'Öljymäen Yhdistys ry']);
    const stage = await searchDirectory(db, workspace.id, { stage: 'not_contacted' }, { limit: 10 });
    expect(stage.servedBy).toBe('stage-index');
    expect(stage.entries).toHaveLength(3);
  });

  it('sorts by last contact and pages the matches with a signed cursor', async () => {
    const { workspace } = await arrange();
    const first = await searchDirectory(db, workspace.id, { sort: 'lastContact' }, { limit: 2 });
    expect(names(first)[0]).toBe('Mäntyrinteen Kerho');
    expect(first.total).toBe(3);
    const second = await searchDirectory(
      db,
      workspace.id,
      { sort: 'lastContact' },
      { limit: 2, cursor: first.cursor },
    );
    expect(second.entries).toHaveLength(1);
    await expect(
      searchDirectory(db, workspace.id, { sort: 'lastContact', q: 'x' }, { limit: 2, cursor: first.cursor }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('rejects an unknown frame filter with a field message', async () => {
    const { workspace } = await arrange();
    await expect(searchDirectory(db, workspace.id, { frame: 'seura' }, { limit: 10 })).rejects.toMatchObject({
      fields: [{ field: 'frame' }],
    });
  });
});

describe('municipality index', () => {
  it('follows renames and municipality changes, and repair rebuilds lost entries', async () => {
    const { updateAssociationProfile } = await import('./association.store');
    const { repairWorkspace } = await import('../db/repair');
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { keys } = await import('../db/table');
    const { workspace, yhdistys } = await arrange();
    await updateAssociationProfile(db, workspace.id, {
      id: yhdistys.id,
      expectedVersion: 1,
      by: 'a',
      input: { name: 'Aapisen Yhdistys ry', frame: 'yhdistys', municipalities: ['Kuopio', 'Iisalmi'] },
    });
    const kuopio = async () =>
      names(await searchDirectory(db, workspace.id, { municipality: 'Kuopio' }, { limit: 10 }));
    expect(await kuopio()).toEqual(['Aapisen Yhdistys ry', 'Mäntyrinteen Kerho', 'Savon Liitto ry']);
    expect(
      names(await searchDirectory(db, workspace.id, { municipality: 'Varkaus' }, { limit: 10 })),
    ).toEqual([]);
    // A crash lost an entry: repair writes it again.
    await db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: { pk: keys.associationPartition(workspace.id, yhdistys.id), sk: 'MUNI#Kuopio' },
      }),
    );
    expect(await kuopio()).toHaveLength(2);
    await repairWorkspace(db, workspace.id);
    expect(await kuopio()).toHaveLength(3);
  });

  it('finds an association by its phone number typed another way, its e-mail address or its Y-tunnus', async () => {
    const workspace = await freshWorkspace(db);
    const soittajat = await addAssociation(db, workspace, {
      name: 'Sonkajärven Soittajat ry',
      municipalities: ['Sonkajärvi'],
      phone: '017 123 456',
      email: 'Soittajat@Example.invalid',
      ytunnus: '1234567-1',
    });
    await addAssociation(db, workspace, {
      name: 'Toinen Kerho',
      municipalities: ['Kuopio'],
      phone: '040 999 8888',
    });
    const found = async (q: string) =>
      (await searchDirectory(db, workspace.id, { q }, { limit: 10 })).entries.map((e) => e.name);
    for (const q of [
      '+358 17 123456',
      '017-123456',
      '(017) 123 456',
      '35817123456',
      'soittajat@example.invalid',
      '1234567-1',
    ]) {
      expect(await found(q), q).toEqual(['Sonkajärven Soittajat ry']);
    }
    expect(await found('040 123 456')).toEqual([]);
    // The other filters still apply to what the number found.
    expect(
      (await searchDirectory(db, workspace.id, { q: '017123456', municipality: 'Kuopio' }, { limit: 10 }))
        .entries,
    ).toEqual([]);
    // A changed number is found by the new one only (the entries follow the profile).
    await updateAssociationProfile(db, workspace.id, {
      id: soittajat.id,
      expectedVersion: soittajat.version,
      input: { phone: '044 555 6666' },
      by: 'anna',
    });
    expect(await found('0445556666')).toEqual(['Sonkajärven Soittajat ry']);
    expect(await found('017 123 456')).toEqual([]);
  });
});

import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, ownTableDb, testDb } from '../../../test/support/test-db';
import { runMigrations } from '../db/migrate';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { listStageHistory } from '../pipeline/stage-history.store';
import { publishedStageOf } from '../report/report';
import { addMember } from '../user/user.store';
import { archiveAsDissolved } from './archive-association';
import { mergeAssociations } from './merge-associations';
import { findLikelyDuplicates, similarNameKey } from './association-duplicates';
import { ASSOCIATION_SCHEMA_VERSION } from './association.schema';
import { createAssociation, getAssociation, updateAssociationProfile } from './association.store';

const db = testDb();

describe('similar names', () => {
  it.each([
    ['Kuopion Sydänyhdistys ry', 'kuopion sydänyhdistys'],
    ['Kuopion Sydänyhdistys r.y.', 'KUOPION  SYDÄNYHDISTYS'],
    ['Kuopion Sydän-yhdistys r. y.', 'Kuopion sydänyhdistys'],
    ['Kuopion sydänyhdistys RY', 'Kuopion Sydänyhdistys, ry'],
  ])('"%s" and "%s" are similar', (a, b) => {
    expect(similarNameKey(a)).toBe(similarNameKey(b));
  });

  it.each([
    ['Kuopion Sydänyhdistys ry', 'Kuopion Sydanyhdistys ry'], // ä is a letter of its own
    ['Kuopion Sydänyhdistys ry', 'Kuopion Sydänyhdistys Nuoret ry'],
    ['Kerhory', 'Kerho'], // only a separate suffix goes, never the end of a word
  ])('"%s" and "%s" are not the same name', (a, b) => {
    expect(similarNameKey(a)).not.toBe(similarNameKey(b));
  });
});

describe('pattern 34: likely duplicates from lookup entries', () => {
  it('finds the same Y-tunnus, the same register number, or a similar name in any shared municipality', async () => {
    const workspace = await freshWorkspace(db);
    const heart = await addAssociation(db, workspace, {
      name: 'Kuopion Sydänyhdistys ry',
      municipalities: ['Siilinjärvi', 'Kuopio'],
      ytunnus: '0201256-6',
    });
    const other = await addAssociation(db, workspace, {
      name: 'Varkauden Omaishoitajat ry',
      municipalities: ['Varkaus'],
      registerNumber: '123.456',
    });

    const byName = await findLikelyDuplicates(db, workspace.id, {
      name: 'kuopion sydänyhdistys r.y.',
      municipalities: ['Kuopio'], // the second municipality of the existing one
    });
    expect(byName).toEqual([
      {
        id: heart.id,
        name: heart.name,
        municipalities: ['Siilinjärvi', 'Kuopio'],
        archived: false,
        reasons: ['name'],
      },
    ]);
    const byIds = await findLikelyDuplicates(db, workspace.id, {
      name: 'Aivan eri nimi ry',
      municipalities: ['Iisalmi'],
      ytunnus: '0201256-6',
      registerNumber: '123.456',
    });
    expect(byIds.map((d) => [d.id, d.reasons])).toEqual([
      [heart.id, ['ytunnus']],
      [other.id, ['registerNumber']],
    ]);
    // The same name elsewhere is another association; and a candidate is never its own duplicate.
    expect(
      await findLikelyDuplicates(db, workspace.id, { name: heart.name, municipalities: ['Iisalmi'] }),
    ).toEqual([]);
    expect(
      await findLikelyDuplicates(
        db,
        workspace.id,
        { name: heart.name, municipalities: ['Kuopio'] },
        heart.id,
      ),
    ).toEqual([]);
  });

  it('follows a rename, a move to another municipality and a merge; other workspaces never match', async () => {
    const workspace = await freshWorkspace(db);
    const elsewhere = await freshWorkspace(db);
    const club = await addAssociation(db, workspace, { name: 'Tervon Kerho ry', municipalities: ['Tervo'] });
    await addAssociation(db, elsewhere, { name: 'Tervon Kerho ry', municipalities: ['Tervo'] });
    const find = (name: string, municipality: string) =>
      findLikelyDuplicates(db, workspace.id, { name, municipalities: [municipality] }).then((found) =>
        found.map((d) => d.id),
      );
    expect(await find('Tervon kerho', 'Tervo')).toEqual([club.id]);

    await updateAssociationProfile(db, workspace.id, {
      id: club.id,
      expectedVersion: club.version,
      input: { name: 'Tervon Eläkeläiskerho ry', municipalities: ['Vesanto'] },
      by: 'staff',
    });
    expect(await find('Tervon kerho', 'Tervo')).toEqual([]);
    expect(await find('Tervon eläkeläiskerho', 'Vesanto')).toEqual([club.id]);

    const duplicate = await createAssociation(db, workspace, {
      id: newId(),
      by: 'staff',
      input: { name: 'Tervon Eläkeläiskerho', frame: 'kerho', municipalities: ['Vesanto'] },
    });
    expect((await find('Tervon eläkeläiskerho', 'Vesanto')).sort()).toEqual([club.id, duplicate.id].sort());
    await mergeAssociations(db, workspace, { duplicateId: duplicate.id, survivorId: club.id, by: 'staff' });
    expect(await find('Tervon eläkeläiskerho', 'Vesanto')).toEqual([club.id]);
  });
});

describe('creating and editing by hand', () => {
  it('starts in the chosen stage; the starting entry is not a move (from null)', async () => {
    const workspace = await freshWorkspace(db);
    const published = publishedStageOf(workspace.stages) ?? '';
    expect(published).not.toBe('');
    const created = await createAssociation(db, workspace, {
      id: newId(),
      by: 'staff',
      stage: published,
      input: { name: 'Valmiiksi tarjottimella ry', frame: 'yhdistys', municipalities: ['Kuopio'] },
    });
    expect(created.stage).toBe(published);
    expect((await listStageHistory(db, workspace.id, created.id)).map((c) => [c.from, c.to])).toEqual([
      [null, published],
    ]);
    const error = await createAssociation(db, workspace, {
      id: newId(),
      by: 'staff',
      stage: 'no-such-stage',
      input: { name: 'Toinen ry', frame: 'yhdistys', municipalities: ['Kuopio'] },
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['stage']);
  });

  it('an owner must be an active staff member or admin of the workspace', async () => {
    const workspace = await freshWorkspace(db);
    const staffId = `staff-${newId()}`;
    const viewerId = `viewer-${newId()}`;
    await addMember(db, { workspaceId: workspace.id, userId: staffId, role: 'staff', name: 'Sari Savo' });
    await addMember(db, {
      workspaceId: workspace.id,
      userId: viewerId,
      role: 'viewer',
      name: 'Ville Katsoja',
    });
    const owned = await addAssociation(db, workspace, { ownerId: staffId });
    expect((await getAssociation(db, workspace.id, owned.id)).ownerId).toBe(staffId);
    for (const ownerId of [viewerId, 'nobody-here', 'bad id!']) {
      const error = await addAssociation(db, workspace, { ownerId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields[0]?.message.fi).toContain('vastuuhenkilöksi');
    }
  });

  it('an edit writes only the submitted fields: a blank one is removed, a missing one kept', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, {
      description: 'Vertaistukea sydänpotilaille.',
      notes: 'Hallitus vaihtuu keväällä.',
      phone: '017 123 4567',
    });
    const edited = await updateAssociationProfile(db, workspace.id, {
      id: created.id,
      expectedVersion: created.version,
      input: { phone: '', website: 'https://sydan.example' },
      by: 'staff',
    });
    expect(edited).toMatchObject({
      name: created.name,
      description: 'Vertaistukea sydänpotilaille.',
      notes: 'Hallitus vaihtuu keväällä.',
      website: 'https://sydan.example',
      version: created.version + 1,
    });
    expect(edited.phone).toBeUndefined();
    // A submitted field is still validated: a blank name is refused, and nothing changes.
    const error = await updateAssociationProfile(db, workspace.id, {
      id: created.id,
      expectedVersion: edited.version,
      input: { name: ' ' },
      by: 'staff',
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['name']);
    expect((await getAssociation(db, workspace.id, created.id)).version).toBe(edited.version);
  });
});

describe('migration of associations written before the duplicate check', () => {
  it('writes the lookup entries of a version 1 item, and a second run writes nothing', async () => {
    const own = await ownTableDb();
    const workspace = await freshWorkspace(own);
    const old = await addAssociation(own, workspace, {
      name: 'Vanha Yhdistys ry',
      municipalities: ['Kaavi'],
    });
    // The shape before: schema version 1 and no lookup entries.
    const { pk, sk } = keys.duplicateEntry(workspace.id, old.id, 'n:vanhayhdistys|kaavi');
    await own.doc.send(new DeleteCommand({ TableName: own.table, Key: { pk, sk } }));
    await own.doc.send(
      new UpdateCommand({
        TableName: own.table,
        Key: keys.association(workspace.id, old.id),
        UpdateExpression: 'SET sv = :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const find = () =>
      findLikelyDuplicates(own, workspace.id, { name: 'vanha yhdistys', municipalities: ['Kaavi'] });
    expect(await find()).toEqual([]);

    expect((await runMigrations(own)).upgraded).toBe(1);
    expect((await find()).map((d) => d.id)).toEqual([old.id]);
    expect((await getAssociation(own, workspace.id, old.id)).sv).toBe(ASSOCIATION_SCHEMA_VERSION);
    expect((await runMigrations(own)).upgraded).toBe(0);
  });
});

describe('mark as dissolved', () => {
  it('archives the association and moves it to the dissolved stage; a stale version changes nothing', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, { name: 'Lakkaava ry' });
    await expect(
      archiveAsDissolved(db, workspace, {
        id: created.id,
        expectedVersion: created.version + 1,
        by: 'staff',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getAssociation(db, workspace.id, created.id)).archivedAt).toBeUndefined();

    const archived = await archiveAsDissolved(db, workspace, {
      id: created.id,
      expectedVersion: created.version,
      by: 'staff',
    });
    expect(archived.archivedAt).toBeDefined();
    expect(archived.stage).toBe('dissolved');
    expect((await listStageHistory(db, workspace.id, created.id)).map((c) => c.to)).toEqual([
      'not_contacted',
      'dissolved',
    ]);
  });
});

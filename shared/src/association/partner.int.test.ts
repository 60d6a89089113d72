// Partners (organisations that are not associations): no stage, no frame, out of the pipeline,
// found in the directory by their kind, and logged with like associations.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import { getWorkspace } from '../workspace/workspace.store';
import { partnerKindsFromForm, updatePartnerKinds } from '../workspace/partner-kind-settings';
import { archiveAsDissolved } from './archive-association';
import { mergeAssociations } from './merge-associations';
import { changeOrganisationKind } from './change-kind';
import {
  createAssociation,
  getAssociation,
  listAssociationsInStage,
  updateAssociationProfile,
} from './association.store';
import { searchDirectory } from './directory-search';
import { defaultPartnerKinds, partnerKindsOf } from './organisation-kind';

const db = testDb();

const partnerInput = { name: 'Kuopion vanhusneuvosto', kind: 'neuvosto', municipalities: ['Kuopio'] };

async function itemsOf(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.associationPartition(workspaceId, associationId) },
    }),
  );
  return result.Items ?? [];
}

describe('partners', () => {
  it('a partner is stored with its kind, without a frame, a stage, a history entry or stage index keys', async () => {
    const workspace = await freshWorkspace(db);
    const partner = await addAssociation(db, workspace, { ...partnerInput, frame: 'yhdistys' });
    const read = await getAssociation(db, workspace.id, partner.id);
    expect(read.kind).toBe('neuvosto');
    expect(read.frame).toBeUndefined();
    expect(read.stage).toBeUndefined();
    const items = await itemsOf(workspace.id, partner.id);
    expect(items.filter((item) => String(item.sk).startsWith('STAGE#'))).toEqual([]);
    const profile = items.find((item) => item.sk === 'PROFILE');
    expect(profile?.gsi2pk).toBeUndefined();
    expect(profile?.gsi1pk).toBe(keys.directoryPartition(workspace.id));
    for (const stage of workspace.stages) {
      const column = await listAssociationsInStage(db, workspace.id, stage.code);
      expect(column.items.map((a) => a.id)).not.toContain(partner.id);
    }
  });

  it('an association is the default kind and needs a frame; an unknown kind is refused', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    expect(association.kind).toBe('association');
    expect(association.stage).toBe('not_contacted');
    await expect(
      createAssociation(db, workspace, {
        id: newId(),
        by: 'test-staff',
        input: { name: 'Ilman muotoa ry', municipalities: ['Kuopio'] },
      }),
    ).rejects.toThrow(ValidationError);
    await expect(addAssociation(db, workspace, { ...partnerInput, kind: 'seurakunta' })).rejects.toThrow(
      ValidationError,
    );
  });

  it('a partner has no stage to move, and archiving one moves nothing', async () => {
    const workspace = await freshWorkspace(db);
    const partner = await addAssociation(db, workspace, partnerInput);
    await expect(
      moveAssociationStage(db, workspace, {
        associationId: partner.id,
        input: { to: 'contacted' },
        by: 'test-staff',
      }),
    ).rejects.toThrow(ValidationError);
    const archived = await archiveAsDissolved(db, workspace, {
      id: partner.id,
      expectedVersion: 1,
      by: 'test-staff',
    });
    expect(archived.archivedAt).toBeDefined();
    expect(archived.stage).toBeUndefined();
    expect((await itemsOf(workspace.id, partner.id)).some((i) => String(i.sk).startsWith('STAGE#'))).toBe(
      false,
    );
  });

  it('a profile edit cannot give a partner a frame, nor take an association’s away', async () => {
    const workspace = await freshWorkspace(db);
    const partner = await addAssociation(db, workspace, partnerInput);
    const association = await addAssociation(db, workspace);
    await expect(
      updateAssociationProfile(db, workspace.id, {
        id: partner.id,
        expectedVersion: 1,
        input: { frame: 'kerho' },
        by: 'test-staff',
      }),
    ).rejects.toThrow(ValidationError);
    await expect(
      updateAssociationProfile(db, workspace.id, {
        id: association.id,
        expectedVersion: 1,
        input: { frame: '' },
        by: 'test-staff',
      }),
    ).rejects.toThrow(ValidationError);
    const renamed = await updateAssociationProfile(db, workspace.id, {
      id: partner.id,
      expectedVersion: 1,
      input: { name: 'Kuopion kaupungin vanhusneuvosto', phone: '017 182 111' },
      by: 'test-staff',
    });
    expect(renamed).toMatchObject({ kind: 'neuvosto', version: 2, phone: '017 182 111' });
    expect(renamed.frame).toBeUndefined();
  });

  it('the directory filters by kind: associations, every partner, or one partner kind', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace, { name: 'Aapiskukko ry' });
    const council = await addAssociation(db, workspace, partnerInput);
    const municipality = await addAssociation(db, workspace, {
      name: 'Siilinjärven kunta',
      kind: 'kunta',
      municipalities: ['Siilinjärvi'],
    });
    const ids = async (kind: string) =>
      (await searchDirectory(db, workspace.id, { kind }, { limit: 50 })).entries.map((e) => e.id);
    expect(await ids('association')).toEqual([association.id]);
    expect((await ids('partner')).sort()).toEqual([council.id, municipality.id].sort());
    expect(await ids('kunta')).toEqual([municipality.id]);
    const all = await searchDirectory(db, workspace.id, {}, { limit: 50 });
    expect(all.entries.map((e) => e.id).sort()).toEqual([association.id, council.id, municipality.id].sort());
    // A stage filter finds associations only.
    const inStage = await searchDirectory(db, workspace.id, { stage: 'not_contacted' }, { limit: 50 });
    expect(inStage.entries.map((e) => e.id)).toEqual([association.id]);
  });

  it('a partner merges only into an organisation of its own kind', async () => {
    const workspace = await freshWorkspace(db);
    const partner = await addAssociation(db, workspace, partnerInput);
    const twin = await addAssociation(db, workspace, { ...partnerInput, name: 'Kuopion vanhusneuvosto ry' });
    const association = await addAssociation(db, workspace);
    await expect(
      mergeAssociations(db, workspace, { duplicateId: partner.id, survivorId: association.id, by: 'anna' }),
    ).rejects.toThrow(ValidationError);
    await expect(
      mergeAssociations(db, workspace, { duplicateId: association.id, survivorId: partner.id, by: 'anna' }),
    ).rejects.toThrow(ValidationError);
    await mergeAssociations(db, workspace, { duplicateId: twin.id, survivorId: partner.id, by: 'anna' });
    expect((await getAssociation(db, workspace.id, twin.id)).mergedInto).toBe(partner.id);
  });

  it('a kind entered wrong is corrected: a partner leaves the pipeline, an association joins it in the first stage', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    await moveAssociationStage(db, workspace, {
      associationId: association.id,
      input: { to: 'contacted' },
      by: 'anna',
    });
    const partner = await changeOrganisationKind(db, workspace, {
      id: association.id,
      input: { expectedVersion: 1, kind: 'kunta' },
      by: 'anna',
    });
    expect(partner).toMatchObject({ kind: 'kunta', version: 2, stageSeq: 2 });
    expect(partner.stage).toBeUndefined();
    expect(partner.frame).toBeUndefined();
    expect((await listAssociationsInStage(db, workspace.id, 'contacted')).items).toEqual([]);
    // A stale version changes nothing; becoming an association needs a frame.
    await expect(
      changeOrganisationKind(db, workspace, {
        id: association.id,
        input: { expectedVersion: 1, kind: 'neuvosto' },
        by: 'anna',
      }),
    ).rejects.toThrow(ConflictError);
    await expect(
      changeOrganisationKind(db, workspace, {
        id: association.id,
        input: { expectedVersion: 2, kind: 'association' },
        by: 'anna',
      }),
    ).rejects.toThrow(ValidationError);
    const back = await changeOrganisationKind(db, workspace, {
      id: association.id,
      input: { expectedVersion: 2, kind: 'association', frame: 'kerho' },
      by: 'anna',
    });
    expect(back).toMatchObject({ kind: 'association', frame: 'kerho', stage: 'not_contacted', stageSeq: 3 });
    const column = await listAssociationsInStage(db, workspace.id, 'not_contacted');
    expect(column.items.map((a) => a.id)).toEqual([association.id]);
    const history = (await itemsOf(workspace.id, association.id)).filter((i) =>
      String(i.sk).startsWith('STAGE#'),
    );
    expect(history.map((h) => [h.seq, h.from ?? null, h.to])).toEqual([
      [1, null, 'not_contacted'],
      [2, 'not_contacted', 'contacted'],
      [3, null, 'not_contacted'],
    ]);
  });

  it('a contact with a partner is logged as with an association', async () => {
    const workspace = await freshWorkspace(db);
    const partner = await addAssociation(db, workspace, partnerInput);
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: {
          id: newId(),
          associationId: partner.id,
          kind: 'visit',
          occurredAt: new Date(db.now().getTime() - 60_000).toISOString(),
          outcome: 'held',
        },
      },
    });
    const read = await getAssociation(db, workspace.id, partner.id);
    expect(read.lastContactAt).toBeDefined();
  });
});

describe('partner kind settings', () => {
  it('a workspace without its own kinds has the defaults; the form saves new ones, version-checked', async () => {
    const workspace = await freshWorkspace(db);
    expect(partnerKindsOf(await getWorkspace(db, workspace.id))).toEqual(defaultPartnerKinds);
    const saved = await updatePartnerKinds(db, workspace.id, {
      expectedVersion: workspace.version,
      partnerKinds: partnerKindsFromForm({
        'kinds.0.code': 'kunta',
        'kinds.0.fi': 'Kunta',
        'kinds.0.en': 'Municipality',
        'kinds.1.code': 'neuvosto',
        'kinds.1.fi': 'Neuvosto',
        'kinds.1.en': 'Council',
        'kinds.1.remove': 'yes',
        'kinds.2.code': 'seurakunta',
        'kinds.2.fi': 'Seurakunta',
        'kinds.2.en': 'Parish',
        'kinds.3.code': '',
        'kinds.3.fi': '',
        'kinds.3.en': '',
      }),
    });
    expect(partnerKindsOf(await getWorkspace(db, workspace.id)).map((k) => k.code)).toEqual([
      'kunta',
      'seurakunta',
    ]);
    await expect(
      updatePartnerKinds(db, workspace.id, { expectedVersion: workspace.version, partnerKinds: [] }),
    ).rejects.toThrow(ConflictError);
    expect(saved.version).toBe(workspace.version + 1);
  });

  it('a kind that partners have cannot be removed; a reserved or malformed code is refused', async () => {
    const workspace = await freshWorkspace(db);
    await addAssociation(db, workspace, { ...partnerInput, kind: 'kunta' });
    await expect(
      updatePartnerKinds(db, workspace.id, {
        expectedVersion: workspace.version,
        partnerKinds: defaultPartnerKinds.filter((k) => k.code !== 'kunta'),
      }),
    ).rejects.toThrow(ValidationError);
    for (const code of ['partner', 'association', 'Kunta', 'x']) {
      await expect(
        updatePartnerKinds(db, workspace.id, {
          expectedVersion: workspace.version,
          partnerKinds: [...defaultPartnerKinds, { code, label: { fi: 'A', en: 'A' } }],
        }),
      ).rejects.toThrow(ValidationError);
    }
  });
});

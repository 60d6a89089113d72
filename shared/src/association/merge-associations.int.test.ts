// Merging a duplicate association into the one that stays, against dynalite: everything moves and
// nothing doubles, the duplicate remains as a record of the merge with its stage history, a stale
// view is refused, and a merge a crash interrupted is finished by running it again or by repair.
import { PassThrough } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit.store';
import { repairWorkspace } from '../db/repair';
import { ConflictError, ValidationError } from '../errors';
import { listMyOpenFollowUps, listOpenFollowUpsOfAssociation } from '../follow-up/follow-up.store';
import { writeHandoverPackage } from '../handover/handover-package';
import { importHandover } from '../handover/import-handover';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { listTimeline } from '../interaction/interaction.store';
import {
  addMembership,
  createPerson,
  listAssociationsOfPerson,
  listMembersOfAssociation,
} from '../person/person.store';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import { listStageHistory } from '../pipeline/stage-history.store';
import { helsinkiMonth } from '../time/helsinki';
import type { Workspace } from '../workspace/workspace.schema';
import { addAssociation, crash, freshWorkspace, injectFault, testDb } from '../../../test/support/test-db';
import {
  getAssociation,
  listAssociationsInStage,
  listDirectory,
  updateAssociationProfile,
} from './association.store';
import { listAssociationsInMunicipality } from './municipality-index';
import { mergeAssociations } from './merge-associations';
import { searchDirectory } from './directory-search';

const db = testDb({ now: () => new Date('2026-12-01T10:00:00.000Z') });

async function twoDuplicates(workspace: Workspace) {
  const duplicate = await addAssociation(db, workspace, {
    name: 'Siilinjärven Sydänyhdistys',
    municipalities: ['Siilinjärvi'],
  });
  const survivor = await addAssociation(db, workspace, {
    name: 'Siilinjärven Sydänyhdistys ry',
    municipalities: ['Siilinjärvi'],
  });
  const shared = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Sirpa Sydän' } });
  const only = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Olli Oma' } });
  await addMembership(db, workspace.id, {
    id: newId(),
    associationId: duplicate.id,
    personId: shared.id,
    role: 'chair',
  });
  await addMembership(db, workspace.id, {
    id: newId(),
    associationId: duplicate.id,
    personId: only.id,
    role: 'secretary',
  });
  // The same role period recorded in both: kept once.
  for (const associationId of [duplicate.id, survivor.id]) {
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId,
      personId: shared.id,
      role: 'contact',
      startDate: '2024-01-01',
    });
  }
  const log = (associationId: string, occurredAt: string, due?: string) =>
    logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: { id: newId(), associationId, kind: 'call', outcome: 'reached', occurredAt },
        ...(due ? { nextFollowUp: { due, title: 'Soita uudestaan' } } : {}),
      },
    });
  await log(duplicate.id, '2026-10-01T09:00:00.000Z');
  await log(duplicate.id, '2026-11-20T09:00:00.000Z', '2026-12-10');
  await log(survivor.id, '2026-09-01T09:00:00.000Z');
  await moveAssociationStage(db, workspace, {
    associationId: duplicate.id,
    input: { to: 'contacted' },
    by: 'anna',
  });
  return { duplicate: await getAssociation(db, workspace.id, duplicate.id), survivor, shared, only };
}

describe('merging associations', () => {
  it('moves contacts, follow-ups and roles to the survivor once, and keeps the duplicate as a record of the merge', async () => {
    const workspace = await freshWorkspace(db);
    const { duplicate, survivor, shared, only } = await twoDuplicates(workspace);
    const report = await mergeAssociations(db, workspace, {
      duplicateId: duplicate.id,
      survivorId: survivor.id,
      by: 'anna',
      expectedVersion: duplicate.version,
    });
    expect(report).toEqual({ interactions: 2, followUps: 1, memberships: 3 });

    const timeline = await listTimeline(db, workspace.id, survivor.id);
    expect(timeline.items.map((i) => i.occurredAt)).toEqual([
      '2026-11-20T09:00:00.000Z',
      '2026-10-01T09:00:00.000Z',
      '2026-09-01T09:00:00.000Z',
    ]);
    expect(timeline.items.every((i) => i.associationId === survivor.id)).toBe(true);
    expect((await listTimeline(db, workspace.id, duplicate.id)).items).toEqual([]);
    const open = await listOpenFollowUpsOfAssociation(db, workspace.id, survivor.id);
    expect(open.map((f) => f.due)).toEqual(['2026-12-10']);
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items.map((f) => f.associationId)).toEqual([
      survivor.id,
    ]);
    const members = (await listMembersOfAssociation(db, workspace.id, survivor.id)).items;
    expect(members.map((m) => [m.personName, m.role]).sort()).toEqual([
      ['Olli Oma', 'secretary'],
      ['Sirpa Sydän', 'chair'],
      ['Sirpa Sydän', 'contact'],
    ]);
    expect(
      (await listAssociationsOfPerson(db, workspace.id, only.id)).items.map((m) => m.associationId),
    ).toEqual([survivor.id]);
    // Both of Sirpa's roles are now the survivor's: her history in either association is kept.
    expect(
      (await listAssociationsOfPerson(db, workspace.id, shared.id)).items.map((m) => m.associationId),
    ).toEqual([survivor.id, survivor.id]);

    const survivorNow = await getAssociation(db, workspace.id, survivor.id);
    expect(survivorNow).toMatchObject({
      mergedFromIds: [duplicate.id],
      openFollowUpCount: 1,
      nextFollowUpDue: '2026-12-10',
      lastContactAt: '2026-11-20T09:00:00.000Z',
    });
    const record = await getAssociation(db, workspace.id, duplicate.id);
    expect(record).toMatchObject({ mergedInto: survivor.id, openFollowUpCount: 0 });
    expect(record.mergingInto).toBeUndefined();
    expect((await listStageHistory(db, workspace.id, duplicate.id)).map((s) => s.to)).toEqual([
      'not_contacted',
      'contacted',
    ]);
    // Out of the directory, the pipeline, the municipality list and search.
    expect((await listDirectory(db, workspace.id)).items.map((a) => a.id)).toEqual([survivor.id]);
    expect((await listAssociationsInStage(db, workspace.id, 'contacted')).items).toEqual([]);
    expect(
      (await listAssociationsInMunicipality(db, workspace.id, 'Siilinjärvi')).items.map((a) => a.id),
    ).toEqual([survivor.id]);
    expect(
      (await searchDirectory(db, workspace.id, { q: 'Olli Oma' }, { limit: 10 })).entries.map((e) => e.id),
    ).toEqual([survivor.id]);
    const audit = await listAudit(db, workspace.id, {
      month: helsinkiMonth(db.now()),
      action: 'association.merge',
    });
    expect(audit.items).toEqual([
      expect.objectContaining({ entityId: duplicate.id, associationId: survivor.id, actorId: 'anna' }),
    ]);

    // The handover package keeps the duplicate (with merged_into and its stage history) but not in HSDS.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeHandoverPackage(db, out, {
      workspaceId: workspace.id,
      includePersons: true,
      exportedBy: 'Anna',
    });
    const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const associations = strFromU8(files['associations.csv'] as Uint8Array);
    expect(associations).toContain(`;${survivor.id};`);
    expect(strFromU8(files['stage-history.csv'] as Uint8Array)).toContain(
      `${duplicate.id};2;not_contacted;contacted`,
    );
    const hsds = JSON.parse(strFromU8(files['hsds/organizations.json'] as Uint8Array)) as unknown[];
    expect(hsds).toHaveLength(1);
    expect(
      strFromU8(files['interactions.csv'] as Uint8Array)
        .split('\r\n')
        .filter(Boolean),
    ).toHaveLength(4);
    // Imported into another workspace, the duplicate stays out of its directory too.
    const target = `merge-${newId().toLowerCase().slice(-10)}`;
    const lines = strFromU8(files['data/kohtaamo.jsonl'] as Uint8Array)
      .trim()
      .split('\n');
    await importHandover(db, lines, { workspaceId: target, by: 'anna' });
    expect((await listDirectory(db, target)).items.map((a) => a.id)).toEqual([survivor.id]);
    expect((await getAssociation(db, target, duplicate.id)).mergedInto).toBe(survivor.id);
    expect((await getAssociation(db, target, survivor.id)).mergedFromIds).toEqual([duplicate.id]);
  });

  it('refuses a stale view, itself, and a target that was merged away; changes nothing then', async () => {
    const workspace = await freshWorkspace(db);
    const { duplicate, survivor } = await twoDuplicates(workspace);
    // Someone edits the duplicate after the user opened the merge page on version 1.
    await updateAssociationProfile(db, workspace.id, {
      id: duplicate.id,
      expectedVersion: duplicate.version,
      input: {
        name: duplicate.name,
        frame: duplicate.frame,
        municipalities: duplicate.municipalities,
        phone: '017 1',
      },
      by: 'ville',
    });
    await expect(
      mergeAssociations(db, workspace, {
        duplicateId: duplicate.id,
        survivorId: survivor.id,
        by: 'anna',
        expectedVersion: 1,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await listTimeline(db, workspace.id, duplicate.id)).items).toHaveLength(2);
    await expect(
      mergeAssociations(db, workspace, { duplicateId: duplicate.id, survivorId: duplicate.id, by: 'anna' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await mergeAssociations(db, workspace, {
      duplicateId: survivor.id,
      survivorId: duplicate.id,
      by: 'anna',
    });
    await expect(
      mergeAssociations(db, workspace, { duplicateId: duplicate.id, survivorId: survivor.id, by: 'anna' }),
    ).rejects.toThrow(/merged into another/);
  });

  it('finishes a merge a crash interrupted: by running it again, or by repair; nothing doubles', async () => {
    for (const finish of ['again', 'repair'] as const) {
      const workspace = await freshWorkspace(db);
      const { duplicate, survivor } = await twoDuplicates(workspace);
      let deletes = 0;
      const fault = injectFault(db, {
        command: 'DeleteItemCommand',
        when: () => ++deletes > 2,
        error: crash,
        times: 1,
      });
      await expect(
        mergeAssociations(db, workspace, { duplicateId: duplicate.id, survivorId: survivor.id, by: 'anna' }),
      ).rejects.toThrow('Simulated crash');
      fault.remove();
      expect((await getAssociation(db, workspace.id, duplicate.id)).mergingInto).toBe(survivor.id);
      if (finish === 'again') {
        await mergeAssociations(db, workspace, {
          duplicateId: duplicate.id,
          survivorId: survivor.id,
          by: 'anna',
        });
      } else {
        expect((await repairWorkspace(db, workspace.id)).mergesFinished).toBe(1);
      }
      expect((await listTimeline(db, workspace.id, survivor.id)).items, finish).toHaveLength(3);
      expect((await listTimeline(db, workspace.id, duplicate.id)).items, finish).toHaveLength(0);
      expect((await listOpenFollowUpsOfAssociation(db, workspace.id, survivor.id)).length, finish).toBe(1);
      expect((await getAssociation(db, workspace.id, survivor.id)).mergedFromIds, finish).toEqual([
        duplicate.id,
      ]);
      expect(
        (await listDirectory(db, workspace.id)).items.map((a) => a.id),
        finish,
      ).toEqual([survivor.id]);
    }
  });
});

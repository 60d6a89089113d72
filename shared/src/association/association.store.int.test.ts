import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { sortFinnish } from '../text/finnish-collation';
import {
  createAssociation,
  getAssociation,
  countAssociationsInStage,
  listAssociationsInStage,
  listDirectory,
  updateAssociationProfile,
} from './association.store';
import { ASSOCIATION_SCHEMA_VERSION, type Association } from './association.schema';

const db = testDb();

async function itemsInWorkspacePartition(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.associationPartition(workspaceId, associationId) },
    }),
  );
  return result.Items ?? [];
}

describe('association store', () => {
  it('pattern 1: reads back the profile it created, with the first pipeline stage', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, {
      name: '  Kuopion   Seudun Hengitysyhdistys ry ',
      ytunnus: '0201256-6',
      municipalities: ['Kuopio', 'Siilinjärvi'],
    });
    const read = await getAssociation(db, workspace.id, created.id);
    expect(read.name).toBe('Kuopion Seudun Hengitysyhdistys ry');
    expect(read.ytunnus).toBe('0201256-6');
    expect(read.stage).toBe('not_contacted');
    expect(read.version).toBe(1);
    expect(read.sv).toBe(ASSOCIATION_SCHEMA_VERSION);
    expect(read).not.toHaveProperty('pk');
  });

  it('pattern 2: lists the directory in Finnish order (å, ä, ö after z) across cursor pages', async () => {
    const workspace = await freshWorkspace(db);
    const names = [
      'Ääneen Kerho',
      'Åbo Seura',
      'Öljymäen Yhdistys',
      'Zeta ry',
      'Aapiskukko ry',
      'Väinö ry',
      'Wilho ry',
    ];
    for (const name of names) await addAssociation(db, workspace, { name });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDirectory(db, workspace.id, { cursor, limit: 3 });
      seen.push(...page.items.map((a) => a.name));
      cursor = page.cursor;
    } while (cursor);
    expect(seen).toEqual([
      'Aapiskukko ry',
      'Väinö ry',
      'Wilho ry',
      'Zeta ry',
      'Åbo Seura',
      'Ääneen Kerho',
      'Öljymäen Yhdistys',
    ]);
    expect(seen).toEqual(sortFinnish(names, (n) => n));
  });

  it('pattern 2: refuses a cursor that was tampered with or taken from another list', async () => {
    const workspace = await freshWorkspace(db);
    const other = await freshWorkspace(db);
    for (const name of ['A ry', 'B ry', 'C ry']) await addAssociation(db, workspace, { name });
    const first = await listDirectory(db, workspace.id, { limit: 1 });
    expect(first.cursor).toBeDefined();
    const cursor = first.cursor as string;
    // A character in the middle: every bit of it is data (the last base64 character can carry
    // unused bits, so changing it may decode to the same bytes and make this test flaky).
    const middle = Math.floor(cursor.length / 2);
    const tampered =
      cursor.slice(0, middle) + (cursor[middle] === 'A' ? 'B' : 'A') + cursor.slice(middle + 1);
    await expect(listDirectory(db, workspace.id, { cursor: tampered })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(listDirectory(db, other.id, { cursor })).rejects.toBeInstanceOf(ValidationError);
  });

  it('pattern 7: lists the associations of a pipeline stage', async () => {
    const workspace = await freshWorkspace(db);
    const a = await addAssociation(db, workspace, { name: 'Eka ry' });
    const b = await addAssociation(db, workspace, { name: 'Toka ry' });
    const page = await listAssociationsInStage(db, workspace.id, 'not_contacted');
    expect(page.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await listAssociationsInStage(db, workspace.id, 'published')).items).toEqual([]);
  });

  it('pattern 7: a column is counted up to a cap, and says when it holds more', async () => {
    const workspace = await freshWorkspace(db);
    await addAssociation(db, workspace, { name: 'Eka ry' });
    await addAssociation(db, workspace, { name: 'Toka ry' });
    await addAssociation(db, workspace, { name: 'Kolmas ry' });
    expect(await countAssociationsInStage(db, workspace.id, 'not_contacted')).toEqual({
      count: 3,
      more: false,
    });
    expect(await countAssociationsInStage(db, workspace.id, 'not_contacted', 3)).toEqual({
      count: 3,
      more: false,
    });
    expect(await countAssociationsInStage(db, workspace.id, 'not_contacted', 2)).toEqual({
      count: 2,
      more: true,
    });
    expect(await countAssociationsInStage(db, workspace.id, 'published')).toEqual({ count: 0, more: false });
  });

  it('a retried create with the same client id is idempotent and writes one association', async () => {
    const workspace = await freshWorkspace(db);
    const id = newId();
    const request = {
      id,
      by: 'staff',
      input: { name: 'Sama ry', frame: 'kerho', municipalities: ['Varkaus'] },
    };
    const first = await createAssociation(db, workspace, request);
    const retried = await createAssociation(db, workspace, request);
    expect(retried.id).toBe(first.id);
    expect(retried.createdAt).toBe(first.createdAt);
    const items = await itemsInWorkspacePartition(workspace.id, id);
    expect(items.map((i) => i.sk).sort()).toEqual([
      `DUP#${encodeURIComponent('n:sama|varkaus')}`,
      'MUNI#Varkaus',
      'PROFILE',
      'STAGE#00000001',
    ]);
    expect((await listDirectory(db, workspace.id)).items).toHaveLength(1);
  });

  it.each([
    ['a bad Y-tunnus check digit', { ytunnus: '0201256-5' }, 'ytunnus', 'Y-tunnuksen tarkistusmerkki'],
    ['a missing name', { name: '   ' }, 'name', 'Nimi on pakollinen'],
    ['an unknown frame', { frame: 'seura' }, 'frame', 'Tuntematon'],
  ])(
    'rejects %s with a field message in Finnish and English and writes nothing',
    async (_label, bad, field, fi) => {
      const workspace = await freshWorkspace(db);
      const id = newId();
      const error = await createAssociation(db, workspace, {
        id,
        by: 'staff',
        input: { name: 'Hyvä ry', frame: 'yhdistys', municipalities: ['Kuopio'], ...bad },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      const fields = (error as ValidationError).fields;
      const message = fields.find((f) => f.field === field)?.message;
      expect(message?.fi).toContain(fi);
      expect(message?.en.length).toBeGreaterThan(3);
      expect(await itemsInWorkspacePartition(workspace.id, id)).toEqual([]);
    },
  );

  it('rejects an id with a # so it never reaches a key', async () => {
    const workspace = await freshWorkspace(db);
    await expect(getAssociation(db, workspace.id, '01ARZ3NDEKTSV4RRFFQ69G5FA#')).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      createAssociation(db, workspace, {
        id: 'X#PROFILE',
        by: 'staff',
        input: { name: 'Ovela ry', frame: 'yhdistys', municipalities: ['Kuopio'] },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('a stale version gives a ConflictError and changes nothing', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, { name: 'Vanha nimi ry' });
    const input = { name: 'Uusi nimi ry', frame: 'yhdistys', municipalities: ['Kuopio'] };
    await updateAssociationProfile(db, workspace.id, { id: created.id, expectedVersion: 1, input, by: 'a' });
    await expect(
      updateAssociationProfile(db, workspace.id, {
        id: created.id,
        expectedVersion: 1,
        input: { ...input, name: 'Kolmas nimi ry' },
        by: 'b',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const read = await getAssociation(db, workspace.id, created.id);
    expect(read.name).toBe('Uusi nimi ry');
    expect(read.version).toBe(2);
  });

  it('50 concurrent edits that retry on conflict all land: version 51 with every change', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, { name: 'Kiireinen ry' });
    const edit = async (n: number) => {
      for (;;) {
        const current = await getAssociation(db, workspace.id, created.id);
        const notes = [current.notes, `muutos ${n}`].filter(Boolean).join('\n');
        try {
          const { id: _id, ...profile } = current as Association;
          return await updateAssociationProfile(db, workspace.id, {
            id: created.id,
            expectedVersion: current.version,
            input: { ...profile, notes },
            by: `staff-${n}`,
          });
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, n) => edit(n)));
    const final = await getAssociation(db, workspace.id, created.id);
    expect(final.version).toBe(51);
    const lines = (final.notes ?? '').split('\n').sort();
    expect(lines).toEqual(Array.from({ length: 50 }, (_, n) => `muutos ${n}`).sort());
  });

  it('50 concurrent edits without retry: the winners apply and every loser gets a ConflictError', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace, { name: 'Ruuhkainen ry' });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, async (_, n) => {
        // Reads are spread over time so that more than one edit can win.
        await new Promise((resolve) => setTimeout(resolve, n % 5));
        const current = await getAssociation(db, workspace.id, created.id);
        await updateAssociationProfile(db, workspace.id, {
          id: created.id,
          expectedVersion: current.version,
          input: {
            name: 'Ruuhkainen ry',
            frame: 'yhdistys',
            municipalities: ['Kuopio'],
            notes: `voittaja ${n}`,
          },
          by: `staff-${n}`,
        });
        return n;
      }),
    );
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r) => r.status === 'rejected');
    expect(winners.length).toBeGreaterThanOrEqual(1);
    expect(winners.length + losers.length).toBe(50);
    for (const loser of losers) expect((loser as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const final = await getAssociation(db, workspace.id, created.id);
    expect(final.version).toBe(1 + winners.length);
    const winnerNotes = winners.map((w) => `voittaja ${(w as PromiseFulfilledResult<number>).value}`);
    expect(winnerNotes).toContain(final.notes);
  });

  it('a profile edit never clobbers the summary or the stage', async () => {
    const workspace = await freshWorkspace(db);
    const created = await addAssociation(db, workspace);
    const before = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.association(workspace.id, created.id) }),
    );
    await updateAssociationProfile(db, workspace.id, {
      id: created.id,
      expectedVersion: 1,
      input: { name: 'Muutettu ry', frame: 'yhdistys', municipalities: ['Kuopio'] },
      by: 'a',
    });
    const after = await getAssociation(db, workspace.id, created.id);
    expect(after.stage).toBe(before.Item?.stage);
    expect(after.summaryRev).toBe(before.Item?.summaryRev);
    expect(after.openFollowUpCount).toBe(before.Item?.openFollowUpCount);
  });
});

describe('archiving', () => {
  it('archives a dissolved association out of the default directory and restores it', async () => {
    const { searchDirectory } = await import('./directory-search');
    const { setAssociationArchived } = await import('./association.store');
    const workspace = await freshWorkspace(db);
    const gone = await addAssociation(db, workspace, { name: 'Lakannut ry' });
    await addAssociation(db, workspace, { name: 'Elävä ry' });
    await setAssociationArchived(db, workspace.id, {
      id: gone.id,
      expectedVersion: 1,
      archived: true,
      by: 'a',
    });
    expect((await searchDirectory(db, workspace.id, {}, { limit: 10 })).entries.map((e) => e.name)).toEqual([
      'Elävä ry',
    ]);
    expect(
      (await searchDirectory(db, workspace.id, { archived: 'include' }, { limit: 10 })).entries.map(
        (e) => e.name,
      ),
    ).toEqual(['Elävä ry', 'Lakannut ry']);
    await expect(
      setAssociationArchived(db, workspace.id, { id: gone.id, expectedVersion: 1, archived: false, by: 'b' }),
    ).rejects.toBeInstanceOf(ConflictError);
    const restored = await setAssociationArchived(db, workspace.id, {
      id: gone.id,
      expectedVersion: 2,
      archived: false,
      by: 'b',
    });
    expect(restored.archivedAt).toBeUndefined();
    expect(restored.version).toBe(3);
  });
});

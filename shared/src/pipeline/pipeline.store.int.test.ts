import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, crash, freshWorkspace, injectFault, testDb } from '../../../test/support/test-db';
import { getAssociation, listAssociationsInStage } from '../association/association.store';
import { repairWorkspace } from '../db/repair';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { moveAssociationStage } from './pipeline.store';
import { listStageHistory } from './stage-history.store';

const db = testDb();

async function storedProfile(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.association(workspaceId, associationId),
      ConsistentRead: true,
    }),
  );
  return result.Item ?? {};
}

describe('pipeline store', () => {
  it('pattern 8: records every move in an append-only history with who, when and the note', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    await moveAssociationStage(db, workspace, {
      associationId: association.id,
      by: 'anna',
      input: { to: 'contacted' },
    });
    await moveAssociationStage(db, workspace, {
      associationId: association.id,
      by: 'ville',
      input: { to: 'interested', note: 'Hallitus päätti lähteä mukaan' },
    });
    const history = await listStageHistory(db, workspace.id, association.id);
    expect(history.map((h) => [h.seq, h.from, h.to, h.by])).toEqual([
      [1, null, 'not_contacted', 'test-staff'],
      [2, 'not_contacted', 'contacted', 'anna'],
      [3, 'contacted', 'interested', 'ville'],
    ]);
    expect(history[2]?.note).toBe('Hallitus päätti lähteä mukaan');
    const current = await getAssociation(db, workspace.id, association.id);
    expect(current.stage).toBe('interested');
    expect((await listAssociationsInStage(db, workspace.id, 'interested')).items.map((a) => a.id)).toEqual([
      association.id,
    ]);
    expect((await listAssociationsInStage(db, workspace.id, 'not_contacted')).items).toEqual([]);
  });

  it('of two concurrent moves from the same stage exactly one wins, the other is a conflict', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const results = await Promise.allSettled(
      ['contacted', 'declined'].map((to) =>
        moveAssociationStage(db, workspace, {
          associationId: association.id,
          by: 'x',
          input: { to },
          expectedSeq: 1,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect(await listStageHistory(db, workspace.id, association.id)).toHaveLength(2);
  });

  it('rejects an unknown stage and a move to the current stage', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    await expect(
      moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'heaven' },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'not_contacted' },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await listStageHistory(db, workspace.id, association.id)).toHaveLength(1);
  });

  it('a crash between the history entry and the profile is repaired from the history', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const fault = injectFault(db, {
      command: 'UpdateItemCommand',
      when: (input) => String(input.UpdateExpression).includes('stageSeq'),
      error: crash,
      times: 1,
    });
    await expect(
      moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'contacted' },
      }),
    ).rejects.toThrow('Simulated crash');
    fault.remove();
    // The stored profile (read raw: a read through the store would already finish the move).
    expect((await storedProfile(workspace.id, association.id)).stage).toBe('not_contacted');
    const report = await repairWorkspace(db, workspace.id);
    expect(report.stagesRepaired).toBe(1);
    const repaired = await getAssociation(db, workspace.id, association.id);
    expect(repaired.stage).toBe('contacted');
    expect(repaired.stageSeq).toBe(2);
  });

  describe('after a crash between the history entry and the profile', () => {
    async function crashedMove() {
      const workspace = await freshWorkspace(db);
      const association = await addAssociation(db, workspace);
      const fault = injectFault(db, {
        command: 'UpdateItemCommand',
        when: (input) => String(input.UpdateExpression).includes('stageSeq'),
        error: crash,
        times: 1,
      });
      await expect(
        moveAssociationStage(db, workspace, {
          associationId: association.id,
          by: 'x',
          input: { to: 'contacted' },
          expectedSeq: 1,
        }),
      ).rejects.toThrow('Simulated crash');
      fault.remove();
      return { workspace, association };
    }

    it('a retry of the same move succeeds with the recorded entry', async () => {
      const { workspace, association } = await crashedMove();
      const change = await moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'contacted' },
        expectedSeq: 1,
      });
      expect(change.seq).toBe(2);
      expect(await listStageHistory(db, workspace.id, association.id)).toHaveLength(2);
      expect((await getAssociation(db, workspace.id, association.id)).stage).toBe('contacted');
    });

    it('another move on the stale page is a conflict once, heals the profile, and the next move succeeds', async () => {
      const { workspace, association } = await crashedMove();
      await expect(
        moveAssociationStage(db, workspace, {
          associationId: association.id,
          by: 'x',
          input: { to: 'declined' },
          expectedSeq: 1,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      const reloaded = await getAssociation(db, workspace.id, association.id);
      expect([reloaded.stage, reloaded.stageSeq]).toEqual(['contacted', 2]);
      const change = await moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'interested' },
        expectedSeq: reloaded.stageSeq,
      });
      expect([change.seq, change.from, change.to]).toEqual([3, 'contacted', 'interested']);
    });

    it('a move without an expected revision succeeds from the healed stage', async () => {
      const { workspace, association } = await crashedMove();
      const change = await moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'interested' },
      });
      expect([change.seq, change.from]).toEqual([3, 'contacted']);
      expect((await getAssociation(db, workspace.id, association.id)).stage).toBe('interested');
    });

    it('the next read of the profile finishes the move, so the page shows it and offers the next one', async () => {
      const { workspace, association } = await crashedMove();
      expect((await storedProfile(workspace.id, association.id)).stagePending).toBeDefined();
      const read = await getAssociation(db, workspace.id, association.id);
      expect([read.stage, read.stageSeq, read.stagePending]).toEqual(['contacted', 2, undefined]);
      const change = await moveAssociationStage(db, workspace, {
        associationId: association.id,
        by: 'x',
        input: { to: 'interested' },
        expectedSeq: read.stageSeq,
      });
      expect(change.seq).toBe(3);
      expect((await storedProfile(workspace.id, association.id)).stagePending).toBeUndefined();
    });

    it('a pending mark left by a move that never wrote its entry is cleared by the next read', async () => {
      const workspace = await freshWorkspace(db);
      const association = await addAssociation(db, workspace);
      const fault = injectFault(db, {
        command: 'PutItemCommand',
        when: (input) => JSON.stringify(input).includes('"STAGE#'),
        error: crash,
        times: 1,
      });
      await expect(
        moveAssociationStage(db, workspace, {
          associationId: association.id,
          by: 'x',
          input: { to: 'contacted' },
        }),
      ).rejects.toThrow('Simulated crash');
      fault.remove();
      const read = await getAssociation(db, workspace.id, association.id);
      expect([read.stage, read.stageSeq]).toEqual(['not_contacted', 1]);
      expect((await storedProfile(workspace.id, association.id)).stagePending).toBeUndefined();
    });

    it('reading the history heals the profile, so the page shows the recorded stage', async () => {
      const { workspace, association } = await crashedMove();
      await listStageHistory(db, workspace.id, association.id);
      const healed = await getAssociation(db, workspace.id, association.id);
      expect([healed.stage, healed.stageSeq]).toEqual(['contacted', 2]);
      expect((await listAssociationsInStage(db, workspace.id, 'contacted')).items.map((a) => a.id)).toEqual([
        association.id,
      ]);
    });
  });
});

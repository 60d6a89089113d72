// "Mark as dissolved": the association is archived (out of the directory's default view, its history
// kept) and its tarjotin stage moves to the workspace's "dissolved" exit, so the directory and the
// pipeline never disagree. Restoring leaves the stage where it is: staff move it on purpose.
import type { Db } from '../db/client';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import type { Workspace } from '../workspace/workspace.schema';
import type { Association } from './association.schema';
import { getAssociation, setAssociationArchived } from './association.store';

/** The stage code an archived association moves to, when the workspace has that stage. */
export const DISSOLVED_STAGE = 'dissolved';

export const dissolvedStageOf = (workspace: Pick<Workspace, 'stages'>) =>
  workspace.stages.find((stage) => stage.code === DISSOLVED_STAGE);

/**
 * Archives the association made on `expectedVersion` and moves it to the dissolved stage. The
 * move after the archive is idempotent and heals on the next read if a crash cuts it short. A
 * partner is only archived.
 */
export async function archiveAsDissolved(
  db: Db,
  workspace: Workspace,
  request: { id: string; expectedVersion: number; by: string },
): Promise<Association> {
  const archived = await setAssociationArchived(db, workspace.id, { ...request, archived: true });
  // A partner has no stage to move (organisation-kind.ts).
  if (dissolvedStageOf(workspace) && archived.stage !== undefined && archived.stage !== DISSOLVED_STAGE) {
    await moveAssociationStage(db, workspace, {
      associationId: archived.id,
      by: request.by,
      input: { to: DISSOLVED_STAGE },
      expectedSeq: archived.stageSeq,
    });
    return getAssociation(db, workspace.id, archived.id);
  }
  return archived;
}

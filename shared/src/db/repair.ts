// `repair`: recomputes every derived value of a workspace from the facts: each association's
// summary, its current stage (from the append-only stage history) and its municipality entries,
// and finishes merges of duplicates that a crash interrupted.
import type { Db } from './client';
import { listDirectory } from '../association/association.store';
import { recomputeAssociationSummary } from '../association/association-summary';
import { repairStage } from '../pipeline/pipeline.store';
import { syncMunicipalityEntries } from '../association/municipality-index';
import { finishInterruptedMerge } from '../association/merge-associations';
import { getWorkspace } from '../workspace/workspace.store';

export interface RepairReport {
  associations: number;
  stagesRepaired: number;
  mergesFinished: number;
}

export async function repairWorkspace(db: Db, workspaceId: string): Promise<RepairReport> {
  const report: RepairReport = { associations: 0, stagesRepaired: 0, mergesFinished: 0 };
  const workspace = await getWorkspace(db, workspaceId);
  let cursor: string | undefined;
  do {
    const page = await listDirectory(db, workspaceId, { cursor, limit: 100 });
    for (const association of page.items) {
      // A merge that a crash interrupted is finished first: the duplicate then leaves the list.
      if (await finishInterruptedMerge(db, workspace, association)) {
        report.mergesFinished++;
        continue;
      }
      if (await repairStage(db, workspaceId, association)) report.stagesRepaired++;
      await recomputeAssociationSummary(db, workspaceId, association.id);
      await syncMunicipalityEntries(db, workspaceId, association);
      report.associations++;
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

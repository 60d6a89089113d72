// `repair`: recomputes every derived value of a workspace from the facts: each association's
// summary, its current stage (from the append-only stage history) and its municipality entries.
import type { Db } from './client';
import { listDirectory } from '../association/association.store';
import { recomputeAssociationSummary } from '../association/association-summary';
import { repairStage } from '../pipeline/pipeline.store';
import { syncMunicipalityEntries } from '../association/municipality-index';

export interface RepairReport {
  associations: number;
  stagesRepaired: number;
}

export async function repairWorkspace(db: Db, workspaceId: string): Promise<RepairReport> {
  const report: RepairReport = { associations: 0, stagesRepaired: 0 };
  let cursor: string | undefined;
  do {
    const page = await listDirectory(db, workspaceId, { cursor, limit: 100 });
    for (const association of page.items) {
      if (await repairStage(db, workspaceId, association)) report.stagesRepaired++;
      await recomputeAssociationSummary(db, workspaceId, association.id);
      await syncMunicipalityEntries(db, workspaceId, association);
      report.associations++;
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

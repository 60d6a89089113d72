// Campaign rules, pure: which associations a filter chooses, who may take a row of the call list
// now, and the call round's progress. The data access is in campaign.store.ts.
import { matchesFilter, type DirectoryEntry } from '../association/directory-filter';
import { callOutcomes } from '../interaction/interaction.schema';
import type { PipelineStage } from '../pipeline/pipeline.schema';
import { compareFinnish } from '../text/finnish-collation';
import type { CallOutcome, CampaignFilter, CampaignRow } from './campaign.schema';

/** How long a claimed row stays with its caller. */
export const CLAIM_MINUTES = 15;

/** Stages that mean "not on tarjotin yet": the main path before its last stage. */
export function stagesBeforePublished(stages: readonly PipelineStage[]): string[] {
  const main = stages.filter((s) => s.kind === 'main').map((s) => s.code);
  return main.slice(0, -1);
}

/** The associations a filter chooses (archived ones never), in Finnish name order. Pure. */
export function chooseAssociations(
  entries: readonly DirectoryEntry[],
  filter: CampaignFilter,
  stages: readonly PipelineStage[],
  now: Date,
): DirectoryEntry[] {
  const before = new Set(stagesBeforePublished(stages));
  return (
    entries
      .filter((entry) => matchesFilter(entry, { ...filter, sort: 'name' }, now))
      // A partner has no stage, so it is never "not on tarjotin yet" (organisation-kind.ts).
      .filter((entry) => !filter.notOnTarjotin || (entry.stage !== undefined && before.has(entry.stage)))
      .sort((a, b) => compareFinnish(a.name, b.name) || a.id.localeCompare(b.id))
  );
}

/** Whether `staffId` may take the row now: open, and free, run out, or already theirs. */
export function claimable(row: CampaignRow, staffId: string, now: Date): boolean {
  return (
    row.status === 'open' &&
    (!row.claimedBy || row.claimedBy === staffId || !row.claimedUntil || row.claimedUntil < now.toISOString())
  );
}

export interface CampaignProgress {
  total: number;
  /** Rows that need no more calls. */
  done: number;
  /** Rows being called right now (an unexpired claim). */
  calling: number;
  /** Rows never called. */
  notCalled: number;
  /** Rows by their latest call's outcome. */
  byOutcome: Record<CallOutcome, number>;
}

export function campaignProgress(rows: readonly CampaignRow[], now: Date): CampaignProgress {
  const byOutcome = Object.fromEntries(callOutcomes.map((o) => [o, 0])) as Record<CallOutcome, number>;
  for (const row of rows) if (row.lastOutcome) byOutcome[row.lastOutcome]++;
  return {
    total: rows.length,
    done: rows.filter((r) => r.status === 'done').length,
    calling: rows.filter(
      (r) => r.status === 'open' && r.claimedBy && r.claimedUntil && r.claimedUntil >= now.toISOString(),
    ).length,
    notCalled: rows.filter((r) => r.attempts === 0).length,
    byOutcome,
  };
}

// `repair`: brings every derived value of a workspace back in line with the facts: each
// association's current stage (from the append-only stage history), its summary, its municipality
// entries, merges of duplicates that a crash interrupted, idempotency records whose contact a
// crash never stored, the people met's reverse entries and the name copies on campaign rows. It writes only where something differs and counts every kind of fix. It can
// stop between pages of associations (a Lambda's time) and resume from the cursor it returns.
//
// The write paths heal the same things on the next write or read; repair is the safety net for
// associations nobody touches (run after start-up locally, daily in AWS).
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import { isConditionalFailure, queryAllItems, run } from './operations';
import { keys, sortKeyPrefixes } from './table';
import { listDirectory } from '../association/association.store';
import { recomputeSummary } from '../association/association-summary';
import { repairStage } from '../pipeline/stage-history.store';
import { syncProfileEntries } from '../association/profile-entries';
import { syncPersonCopiesOfAssociation } from '../person/name-copies';
import { finishInterruptedMerge } from '../association/merge-associations';
import { syncContactsMetOfAssociation } from '../interaction/contacts-met.store';
import { syncCampaignRowNames } from '../campaign/campaign-row-names';
import type { Association } from '../association/association.schema';
import { getWorkspace, listWorkspaceIds } from '../workspace/workspace.store';

/** An idempotency record younger than this may belong to a request still being written. */
export const ORPHAN_RECORD_MIN_AGE_MS = 60 * 60 * 1000;

export interface RepairFixes {
  /** Profiles whose stage was behind the stage history. */
  stagesRepaired: number;
  /** Summaries that differed from a recomputation (or were marked stale) and were rewritten. */
  summariesFixed: number;
  /** Merges of duplicates that a crash interrupted, finished. */
  mergesFinished: number;
  /** Municipality directory entries written or removed. */
  municipalityEntriesFixed: number;
  /** Duplicate lookup entries (pattern 34) written or removed. */
  duplicateEntriesFixed: number;
  /** Copies of people's names (in memberships and search names) that a cut-short rename left behind. */
  personCopiesFixed: number;
  /** Idempotency records of contacts that were never stored, removed. */
  orphanRecordsRemoved: number;
  /** Reverse entries of the people met (pattern 37) written or removed. */
  contactsMetFixed: number;
  /** Copies of an association's name on its campaign rows (pattern 38) that a rename left behind. */
  campaignRowNamesFixed: number;
  /** Entries of associations under their parent (pattern 40) written or removed. */
  parentEntriesFixed: number;
}

export interface RepairReport extends RepairFixes {
  workspaceId: string;
  /** Associations checked. */
  associations: number;
  /** Set when the run stopped early: pass it back to continue where it stopped. */
  cursor?: string;
}

export const fixKinds: readonly (keyof RepairFixes)[] = [
  'stagesRepaired',
  'summariesFixed',
  'mergesFinished',
  'municipalityEntriesFixed',
  'duplicateEntriesFixed',
  'personCopiesFixed',
  'orphanRecordsRemoved',
  'contactsMetFixed',
  'campaignRowNamesFixed',
  'parentEntriesFixed',
];

export interface RepairOptions {
  /** Continue a run that stopped early. */
  cursor?: string | undefined;
  /** Asked after each page of associations; true stops the run and returns a cursor. */
  shouldStop?: () => boolean;
}

/** Removes the idempotency records of this association whose contact does not exist. */
async function removeOrphanRecords(db: Db, workspaceId: string, associationId: string): Promise<number> {
  const refs = await queryAllItems(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.interactionRef,
    },
    ConsistentRead: true,
  });
  const oldest = db.now().getTime() - ORPHAN_RECORD_MIN_AGE_MS;
  let removed = 0;
  for (const ref of refs) {
    // Records from before `claimedAt` existed are old by definition.
    if (typeof ref.claimedAt === 'string' && Date.parse(ref.claimedAt) > oldest) continue;
    const id = String(ref.sk).slice(sortKeyPrefixes.interactionRef.length);
    const contact = await run(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.interaction(workspaceId, associationId, String(ref.occurredAt), id),
          ProjectionExpression: 'pk',
          ConsistentRead: true,
        }),
      ),
    );
    if (contact.Item) continue;
    try {
      await run(() =>
        db.doc.send(
          new DeleteCommand({
            TableName: db.table,
            Key: keys.interactionRef(workspaceId, associationId, id),
            ConditionExpression: 'attribute_exists(pk)',
          }),
        ),
      );
      removed++;
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
    }
  }
  return removed;
}

async function repairAssociation(
  db: Db,
  workspaceId: string,
  association: Association,
  report: RepairReport,
): Promise<void> {
  if (await repairStage(db, workspaceId, association)) report.stagesRepaired++;
  if ((await recomputeSummary(db, workspaceId, association.id, { onlyIfDifferent: true })).written)
    report.summariesFixed++;
  const entries = await syncProfileEntries(db, workspaceId, association);
  report.municipalityEntriesFixed += entries.municipality;
  report.duplicateEntriesFixed += entries.duplicate;
  report.parentEntriesFixed += entries.parent;
  report.personCopiesFixed += await syncPersonCopiesOfAssociation(db, workspaceId, association.id);
  report.orphanRecordsRemoved += await removeOrphanRecords(db, workspaceId, association.id);
  report.contactsMetFixed += await syncContactsMetOfAssociation(db, workspaceId, association.id);
  report.campaignRowNamesFixed += await syncCampaignRowNames(db, workspaceId, association.id);
}

/**
 * Repairs one workspace (see the module header). Fails with NotFoundError for an unknown workspace;
 * a DynamoDB error stops the run (nothing half-written: each fix is one conditional item write).
 */
export async function repairWorkspace(
  db: Db,
  workspaceId: string,
  options: RepairOptions = {},
): Promise<RepairReport> {
  const report: RepairReport = {
    workspaceId,
    associations: 0,
    stagesRepaired: 0,
    summariesFixed: 0,
    mergesFinished: 0,
    municipalityEntriesFixed: 0,
    duplicateEntriesFixed: 0,
    personCopiesFixed: 0,
    orphanRecordsRemoved: 0,
    contactsMetFixed: 0,
    campaignRowNamesFixed: 0,
    parentEntriesFixed: 0,
  };
  const workspace = await getWorkspace(db, workspaceId);
  let cursor = options.cursor;
  do {
    const page = await listDirectory(db, workspaceId, { cursor, limit: 25 });
    for (const association of page.items) {
      // A merge that a crash interrupted is finished first: the duplicate then leaves the list.
      if (await finishInterruptedMerge(db, workspace, association)) {
        report.mergesFinished++;
        continue;
      }
      await repairAssociation(db, workspaceId, association, report);
      report.associations++;
    }
    cursor = page.cursor;
    if (cursor && options.shouldStop?.()) {
      report.cursor = cursor;
      return report;
    }
  } while (cursor);
  return report;
}

/** Where a run over every workspace stopped: the workspace it was in and the cursor within it. */
export interface RepairContinuation {
  workspaceId: string;
  cursor?: string | undefined;
}

/**
 * Repairs every workspace, in id order, from `resume` on. Returns the reports of the workspaces it
 * visited and, when `shouldStop` ended it early, where to continue.
 */
export async function repairAllWorkspaces(
  db: Db,
  options: {
    resume?: RepairContinuation | undefined;
    shouldStop?: () => boolean;
    /** The workspaces to visit; every workspace when absent. */
    workspaceIds?: readonly string[];
  } = {},
): Promise<{ reports: RepairReport[]; next?: RepairContinuation }> {
  const ids = [...(options.workspaceIds ?? (await listWorkspaceIds(db)))].sort();
  const start = options.resume ? ids.findIndex((id) => id >= options.resume!.workspaceId) : 0;
  const reports: RepairReport[] = [];
  for (const workspaceId of start < 0 ? [] : ids.slice(start)) {
    // Every run makes progress: the first workspace is always begun.
    if (reports.length > 0 && options.shouldStop?.()) return { reports, next: { workspaceId } };
    const cursor = options.resume?.workspaceId === workspaceId ? options.resume.cursor : undefined;
    const report = await repairWorkspace(db, workspaceId, {
      cursor,
      ...(options.shouldStop ? { shouldStop: options.shouldStop } : {}),
    });
    reports.push(report);
    if (report.cursor) return { reports, next: { workspaceId, cursor: report.cursor } };
  }
  return { reports };
}

/** Sums the fixes of several reports by kind. */
export function totalFixes(reports: readonly RepairFixes[]): RepairFixes {
  const total = Object.fromEntries(fixKinds.map((kind) => [kind, 0])) as unknown as RepairFixes;
  for (const report of reports) for (const kind of fixKinds) total[kind] += report[kind];
  return total;
}

/** One line for the log: every kind of fix with its count. */
export function describeRepair(reports: readonly RepairReport[]): string {
  const total = totalFixes(reports);
  const checked = reports.reduce((sum, report) => sum + report.associations, 0);
  const fixes = fixKinds.map((kind) => `${kind}=${total[kind]}`).join(' ');
  return `repair: ${reports.length} workspaces, ${checked} associations checked; ${fixes}`;
}

// The association's summary (last contact, next follow-up, open count) is derived from the
// facts: recomputed after every change, on the next read when a write marked it stale, and by
// `repairWorkspace`. Only single-item conditional writes, so it behaves the same on dynalite.
import { localised } from '../i18n/messages';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { eachResultPage, isConditionalFailure, run } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { NotFoundError } from '../errors';
import { listOpenFollowUpsOfAssociation } from '../follow-up/follow-up.store';
import { nextDue } from '../follow-up/follow-up';
import type { Interaction } from '../interaction/interaction.schema';
import type { AssociationSummary } from './association.schema';

/** How a recomputation waits between lost races; injectable so tests need no timers. */
export interface SummaryRetryPolicy {
  maxAttempts: number;
  /** Upper bound of the first wait, doubled per attempt up to `capMs` ("full jitter"). */
  baseMs: number;
  capMs: number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const defaultSummaryRetryPolicy: SummaryRetryPolicy = {
  maxAttempts: 8,
  baseMs: 10,
  capMs: 250,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The wait before attempt `attempt + 1`: uniformly random below an exponentially growing cap. */
export function summaryBackoffMs(policy: SummaryRetryPolicy, attempt: number): number {
  return Math.floor(policy.random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt));
}

const notFound = () => new NotFoundError(localised('associationSummary.associationNotFound'));

async function latestContactAt(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<string | undefined> {
  for await (const page of eachResultPage((start) =>
    run(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          FilterExpression: 'attribute_not_exists(deletedAt)',
          ExpressionAttributeValues: {
            ':pk': keys.associationPartition(workspaceId, associationId),
            ':prefix': sortKeyPrefixes.interaction,
          },
          ProjectionExpression: 'occurredAt',
          ScanIndexForward: false,
          ConsistentRead: true,
          Limit: 10,
          ExclusiveStartKey: start,
        }),
      ),
    ),
  )) {
    const newest = page.Items?.[0] as Pick<Interaction, 'occurredAt'> | undefined;
    if (newest) return newest.occurredAt;
  }
  return undefined;
}

/** The summary the facts give now, without its revision (reads only; an unknown id gives an empty one). */
export async function summaryFromFacts(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<Omit<AssociationSummary, 'summaryRev' | 'summaryStaleAt'>> {
  const [lastContactAt, open] = await Promise.all([
    latestContactAt(db, workspaceId, associationId),
    listOpenFollowUpsOfAssociation(db, workspaceId, associationId),
  ]);
  const due = nextDue(open);
  return {
    openFollowUpCount: open.length,
    ...(lastContactAt ? { lastContactAt } : {}),
    ...(due ? { nextFollowUpDue: due } : {}),
  };
}

/**
 * Marks the summary stale (one unconditional single-attribute update): the next read of the
 * profile recomputes it. Written before a contact's facts, and when a recomputation lost every race.
 */
export async function markSummaryStale(db: Db, workspaceId: string, associationId: string): Promise<void> {
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          UpdateExpression: 'SET summaryStaleAt = if_not_exists(summaryStaleAt, :now)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':now': db.now().toISOString() },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    throw notFound();
  }
}

type StoredSummary = Partial<AssociationSummary>;

function sameSummary(stored: StoredSummary, computed: Omit<AssociationSummary, 'summaryRev'>): boolean {
  return (
    stored.summaryStaleAt === undefined &&
    stored.lastContactAt === computed.lastContactAt &&
    stored.nextFollowUpDue === computed.nextFollowUpDue &&
    Number(stored.openFollowUpCount ?? 0) === computed.openFollowUpCount
  );
}

/**
 * Counts a contact whose facts are stored (one atomic increment, after the facts) and returns its
 * number: a summary recomputed from a profile read that saw this number includes those facts.
 */
export async function countStoredFacts(db: Db, workspaceId: string, associationId: string): Promise<number> {
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          UpdateExpression: 'ADD factsSeq :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    return Number(result.Attributes?.factsSeq ?? 0);
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    throw notFound();
  }
}

export interface SummaryRecomputation {
  summary: AssociationSummary;
  /** Whether the stored summary was written (false: it already matched, or it was marked stale). */
  written: boolean;
  /** Every attempt lost to a concurrent writer: the summary is marked stale for the next read. */
  stale: boolean;
}

/**
 * Recomputes the summary and stores it. The write is conditional on the summary revision read
 * before the facts, so a recomputation based on older facts never overwrites a newer one; a lost
 * race waits a jittered, growing time and reads again. When every attempt loses, the summary is
 * marked stale instead of failing: the facts are stored, and the next read brings it up to date.
 * With `onlyIfDifferent` (repair) an up-to-date summary is left unwritten.
 * Fails with NotFoundError when the association does not exist.
 */
export async function recomputeSummary(
  db: Db,
  workspaceId: string,
  associationId: string,
  options: {
    onlyIfDifferent?: boolean;
    policy?: SummaryRetryPolicy;
    /** The caller's `countStoredFacts` number: a stored summary that saw it is already enough. */
    coveredBy?: number;
  } = {},
): Promise<SummaryRecomputation> {
  const policy = options.policy ?? defaultSummaryRetryPolicy;
  let summary: AssociationSummary | undefined;
  for (let attempt = 0; attempt < policy.maxAttempts; attempt++) {
    if (attempt > 0) await policy.sleep(summaryBackoffMs(policy, attempt - 1));
    const profile = await run(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          ProjectionExpression:
            'summaryRev, lastContactAt, nextFollowUpDue, openFollowUpCount, summaryStaleAt, factsSeq, summaryFactsSeq',
          ConsistentRead: true,
        }),
      ),
    );
    if (!profile.Item) throw notFound();
    const stored = profile.Item as StoredSummary & { factsSeq?: number; summaryFactsSeq?: number };
    const rev = Number(stored.summaryRev ?? 0);
    if (options.coveredBy !== undefined && Number(stored.summaryFactsSeq ?? 0) >= options.coveredBy) {
      // Another recomputation read the profile after our facts were counted: it included them.
      const { lastContactAt, nextFollowUpDue } = stored;
      const current: AssociationSummary = {
        openFollowUpCount: Number(stored.openFollowUpCount ?? 0),
        summaryRev: rev,
        ...(lastContactAt ? { lastContactAt } : {}),
        ...(nextFollowUpDue ? { nextFollowUpDue } : {}),
      };
      return { summary: current, written: false, stale: false };
    }
    const computed = await summaryFromFacts(db, workspaceId, associationId);
    summary = { ...computed, summaryRev: rev + 1 };
    if (options.onlyIfDifferent && sameSummary(stored, computed))
      return { summary: { ...computed, summaryRev: rev }, written: false, stale: false };
    const sets = ['openFollowUpCount = :count', 'summaryRev = :next', 'summaryFactsSeq = :facts'];
    const removes = ['summaryStaleAt'];
    const values: Record<string, unknown> = {
      ':count': summary.openFollowUpCount,
      ':next': summary.summaryRev,
      ':rev': rev,
      ':facts': Number(stored.factsSeq ?? 0),
    };
    if (summary.lastContactAt) {
      sets.push('lastContactAt = :last');
      values[':last'] = summary.lastContactAt;
    } else removes.push('lastContactAt');
    if (summary.nextFollowUpDue) {
      sets.push('nextFollowUpDue = :next_due');
      values[':next_due'] = summary.nextFollowUpDue;
    } else removes.push('nextFollowUpDue');
    try {
      await run(() =>
        db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: keys.association(workspaceId, associationId),
            UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
            ConditionExpression:
              'attribute_exists(pk) AND (summaryRev = :rev OR (attribute_not_exists(summaryRev) AND :rev = :zero))',
            ExpressionAttributeValues: { ...values, ':zero': 0 },
          }),
        ),
      );
      return { summary, written: true, stale: false };
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
      // Someone else recomputed in between: wait a little, then read the facts again.
    }
  }
  // Every attempt lost. The mark is cleared only by a write conditional on a revision read after
  // our last lost race, that is after our facts were stored, so it never hides them.
  await markSummaryStale(db, workspaceId, associationId);
  return { summary: summary as AssociationSummary, written: false, stale: true };
}

/**
 * Recomputes and stores the summary (see `recomputeSummary`); a summary that lost every race is
 * returned as computed and left marked stale. Fails with NotFoundError when the association is gone.
 */
export async function recomputeAssociationSummary(
  db: Db,
  workspaceId: string,
  associationId: string,
  options: { policy?: SummaryRetryPolicy; coveredBy?: number } = {},
): Promise<AssociationSummary> {
  return (await recomputeSummary(db, workspaceId, associationId, options)).summary;
}

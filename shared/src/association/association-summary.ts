// The association's summary (last contact, next follow-up, open count) is derived from the
// facts: recomputed after every change, and by `repairWorkspace` after a crash.
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { ConflictError, NotFoundError } from '../errors';
import { listOpenFollowUpsOfAssociation } from '../follow-up/follow-up.store';
import { nextDue } from '../follow-up/follow-up';
import type { Interaction } from '../interaction/interaction.schema';
import type { AssociationSummary } from './association.schema';

const MAX_ATTEMPTS = 8;

async function latestContactAt(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<string | undefined> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await run(() =>
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
    );
    const newest = page.Items?.[0] as Pick<Interaction, 'occurredAt'> | undefined;
    if (newest) return newest.occurredAt;
    start = page.LastEvaluatedKey;
  } while (start);
  return undefined;
}

/**
 * Recomputes and stores the summary. The write is conditional on the summary revision read
 * before the facts, so a recomputation based on older facts never overwrites a newer one.
 */
export async function recomputeAssociationSummary(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<AssociationSummary> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const profile = await run(() =>
      db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          ProjectionExpression: 'summaryRev',
          ConsistentRead: true,
        }),
      ),
    );
    if (!profile.Item)
      throw new NotFoundError({ fi: 'Yhdistystä ei löytynyt.', en: 'Association not found.' });
    const rev = Number(profile.Item.summaryRev ?? 0);
    const [lastContactAt, open] = await Promise.all([
      latestContactAt(db, workspaceId, associationId),
      listOpenFollowUpsOfAssociation(db, workspaceId, associationId),
    ]);
    const summary: AssociationSummary = {
      openFollowUpCount: open.length,
      summaryRev: rev + 1,
      ...(lastContactAt ? { lastContactAt } : {}),
      ...(nextDue(open) ? { nextFollowUpDue: nextDue(open) } : {}),
    };
    const sets = ['openFollowUpCount = :count', 'summaryRev = :next'];
    const removes: string[] = [];
    const values: Record<string, unknown> = {
      ':count': summary.openFollowUpCount,
      ':next': summary.summaryRev,
      ':rev': rev,
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
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression:
              'attribute_exists(pk) AND (summaryRev = :rev OR (attribute_not_exists(summaryRev) AND :rev = :zero))',
            ExpressionAttributeValues: { ...values, ':zero': 0 },
          }),
        ),
      );
      return summary;
    } catch (error) {
      if (!isConditionalFailure(error)) throw error;
      // Someone else recomputed in between: read the facts again.
    }
  }
  throw new ConflictError();
}

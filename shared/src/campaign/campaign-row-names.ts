// The copies of an association's name on its campaign rows (a call list sorts and shows rows by
// it, in one query). A rename writes the name, then these copies through the rows' own index
// (pattern 38); `repair` does the same for every association, so a rename cut short heals.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryAllItems, run, updateIf } from '../db/operations';
import { keys } from '../db/table';

/**
 * Pattern 38: the keys and copied names of the campaign rows of an association. From an index,
 * so a row written a moment ago may be missing: repair catches it on its next run.
 */
export async function listCampaignRowsOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<{ campaignId: string; associationName: string }[]> {
  const items = await queryAllItems(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.campaignRowsOfAssociationPartition(workspaceId, associationId) },
  });
  return items.map((item) => ({
    campaignId: String(item.campaignId),
    associationName: String(item.associationName),
  }));
}

/**
 * Makes the association's name right on each of its campaign rows (the name read from the
 * profile, consistently). Returns how many rows it rewrote; 0 when all were right or it is gone.
 */
export async function syncCampaignRowNames(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<number> {
  const rows = await listCampaignRowsOfAssociation(db, workspaceId, associationId);
  if (rows.length === 0) return 0;
  const profile = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, associationId),
        ProjectionExpression: '#name',
        ExpressionAttributeNames: { '#name': 'name' },
        ConsistentRead: true,
      }),
    ),
  );
  if (!profile.Item) return 0;
  const name = String(profile.Item.name);
  let rewritten = 0;
  for (const row of rows) {
    if (row.associationName === name) continue;
    // Only the copy changes: the row's version (its claims and calls) is left alone.
    const written = await updateIf(db, {
      Key: keys.campaignRow(workspaceId, row.campaignId, associationId),
      UpdateExpression: 'SET associationName = :name',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':name': name },
    });
    if (written) rewritten++;
  }
  return rewritten;
}

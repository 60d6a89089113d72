// The copies of names in an association's memberships: each membership carries the person's
// and the association's name (so lists need no further reads), and the association keeps its
// people's names for search. Writers of a name call this after writing it; `repair` calls it for
// every association, so a copy a crash left behind is put right. Reads and writes items only.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGetAll, isConditionalFailure, queryAll, run } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import type { Membership } from './person.schema';

/**
 * Makes one association's copies right: each membership's `personName` and `associationName`,
 * and the association's set of member names (recomputed from the memberships, so two people of
 * the same name stay apart). Returns how many items it rewrote (0 when all were right).
 */
export async function syncPersonCopiesOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<number> {
  const memberships = await queryAll<Membership>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.associationPartition(workspaceId, associationId),
      ':prefix': sortKeyPrefixes.membership,
    },
    ConsistentRead: true,
  });
  const people = new Map(
    (
      await batchGetAll(
        db,
        [...new Set(memberships.map((m) => m.personId))].map((id) => keys.person(workspaceId, id)),
        { expression: 'id, #name', names: { '#name': 'name' } },
      )
    ).map((item) => [String(item.id), String(item.name)]),
  );
  const stored = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, associationId),
        ProjectionExpression: '#name, memberNames',
        ExpressionAttributeNames: { '#name': 'name' },
        ConsistentRead: true,
      }),
    ),
  );
  if (!stored.Item) return 0;
  const associationName = String(stored.Item.name);
  let rewritten = 0;
  const names = new Set<string>();
  for (const membership of memberships) {
    const name = people.get(membership.personId) ?? membership.personName;
    names.add(name);
    if (name === membership.personName && associationName === membership.associationName) continue;
    const { pk, sk } = keys.membership(workspaceId, associationId, membership.personId, membership.id);
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { pk, sk },
          UpdateExpression: 'SET personName = :name, associationName = :association',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':name': name, ':association': associationName },
        }),
      ),
    ).catch((error: unknown) => {
      if (!isConditionalFailure(error)) throw error; // removed meanwhile: nothing to copy into
    });
    rewritten++;
  }
  const before = (stored.Item.memberNames as Set<string> | undefined) ?? new Set<string>();
  if (before.size !== names.size || [...names].some((n) => !before.has(n))) {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.association(workspaceId, associationId),
          UpdateExpression: names.size > 0 ? 'SET memberNames = :names' : 'REMOVE memberNames',
          ConditionExpression: 'attribute_exists(pk)',
          ...(names.size > 0 ? { ExpressionAttributeValues: { ':names': names } } : {}),
        }),
      ),
    );
    rewritten++;
  }
  return rewritten;
}

// A person's name is copied into each of their memberships (so lists need no further reads) and
// into each association's search names. Correcting a name writes the person first, then the
// copies; without transactions a crash can cut that short, so `repair` recomputes the copies of
// every association from the people themselves.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGetAll, isConditionalFailure, queryAll, readAllPages, run } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { ConflictError } from '../errors';
import { finnishCollationKey } from '../text/finnish-collation';
import { parseExpectedVersion, parseId, parseInput } from '../validation';
import { personInputSchema, type Membership, type Person } from './person.schema';
import { getPerson, listAssociationsOfPerson } from './person.store';

/**
 * Makes one association's copies of its people's names right: each membership's `personName`
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
  let rewritten = 0;
  const names = new Set<string>();
  for (const membership of memberships) {
    const name = people.get(membership.personId) ?? membership.personName;
    names.add(name);
    if (name === membership.personName) continue;
    const { pk, sk } = keys.membership(workspaceId, associationId, membership.personId);
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { pk, sk },
          UpdateExpression: 'SET personName = :name',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':name': name },
        }),
      ),
    ).catch((error: unknown) => {
      if (!isConditionalFailure(error)) throw error; // removed meanwhile: nothing to copy into
    });
    rewritten++;
  }
  const stored = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.association(workspaceId, associationId),
        ProjectionExpression: 'memberNames',
        ConsistentRead: true,
      }),
    ),
  );
  if (!stored.Item) return rewritten;
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

/**
 * Corrects a person's name on the version the editor saw, then every copy of it: their
 * memberships, the search names of their associations and the people directory's order.
 */
export async function renamePerson(
  db: Db,
  workspaceId: string,
  request: { id: unknown; expectedVersion: unknown; name: unknown },
): Promise<Person> {
  const id = parseId(request.id);
  const { name } = parseInput(personInputSchema.pick({ name: true }), { name: request.name });
  const expected = parseExpectedVersion(request.expectedVersion);
  const directory = keys.peopleDirectory(workspaceId, finnishCollationKey(name), id);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.person(workspaceId, id),
          UpdateExpression:
            'SET #name = :name, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, updatedAt = :now ADD version :one',
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: {
            ':name': name,
            ':gsi1pk': directory.gsi1pk,
            ':gsi1sk': directory.gsi1sk,
            ':now': db.now().toISOString(),
            ':one': 1,
            ':expected': expected,
          },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) {
      await getPerson(db, workspaceId, id); // NotFoundError when it is gone
      throw new ConflictError();
    }
    throw error;
  }
  const memberships = await readAllPages((page) => listAssociationsOfPerson(db, workspaceId, id, page));
  for (const associationId of new Set(memberships.map((m) => m.associationId))) {
    await syncPersonCopiesOfAssociation(db, workspaceId, associationId);
  }
  return getPerson(db, workspaceId, id);
}

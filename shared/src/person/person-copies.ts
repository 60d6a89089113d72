// Correcting a person's name: the person first, then every copy (name-copies.ts); without
// transactions a crash can cut that short, and `repair` recomputes the copies.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, readAllPages, run } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError } from '../errors';
import { finnishCollationKey } from '../text/finnish-collation';
import { parseExpectedVersion, parseId, parseInput } from '../validation';
import { syncPersonCopiesOfAssociation } from './name-copies';
import { personInputSchema, type Person } from './person.schema';
import { getPerson, listAssociationsOfPerson } from './person.store';

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

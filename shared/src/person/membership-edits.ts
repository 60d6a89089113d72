// Board changes: a role period ends (kept as history, with its end date) or its role is corrected. Each edit is
// conditional on what the user saw (the role, and that it had not ended), so two people recording
// the same spring's changes never overwrite each other silently.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { idSchema } from '../ids';
import { plausibleDateSchema } from '../time/plausible-dates';
import { parseInput } from '../validation';
import { membershipRoles } from './person.schema';

const targetSchema = z.object({
  associationId: idSchema,
  personId: idSchema,
  /** The role period (a person may hold several roles in one association). */
  roleId: idSchema,
  /** The role the user saw: a role changed meanwhile is a conflict. */
  seenRole: z.enum(membershipRoles),
});

async function update(
  db: Db,
  workspaceId: string,
  target: z.output<typeof targetSchema>,
  change: { expression: string; values: Record<string, unknown>; names?: Record<string, string> },
): Promise<void> {
  const { pk, sk } = keys.membership(workspaceId, target.associationId, target.personId, target.roleId);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { pk, sk },
          UpdateExpression: change.expression,
          ConditionExpression: 'attribute_exists(pk) AND #role = :seen AND attribute_not_exists(endDate)',
          ExpressionAttributeNames: { '#role': 'role', ...change.names },
          ExpressionAttributeValues: { ':seen': target.seenRole, ...change.values },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConflictError();
    throw error;
  }
}

/** Ends a current role on `endDate` (not before it began); the person stays in the history. */
export async function endMembership(db: Db, workspaceId: string, input: unknown): Promise<void> {
  const parsed = parseInput(targetSchema.extend({ endDate: plausibleDateSchema('other') }), input);
  const { pk, sk } = keys.membership(workspaceId, parsed.associationId, parsed.personId, parsed.roleId);
  const current = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: { pk, sk }, ConsistentRead: true })),
  );
  if (!current.Item) throw new NotFoundError();
  const startDate = current.Item.startDate as string | undefined;
  if (startDate && parsed.endDate < startDate) {
    throw new ValidationError([{ field: 'endDate', message: localised('msg:role.endBeforeStart') }]);
  }
  await update(db, workspaceId, parsed, {
    expression: 'SET endDate = :end',
    values: { ':end': parsed.endDate },
  });
}

/** Changes a current role (a correction: the role was entered wrong, or changed within the term). */
export async function changeMembershipRole(db: Db, workspaceId: string, input: unknown): Promise<void> {
  const parsed = parseInput(targetSchema.extend({ role: z.enum(membershipRoles) }), input);
  await update(db, workspaceId, parsed, {
    expression: 'SET #role = :role',
    values: { ':role': parsed.role },
  });
}

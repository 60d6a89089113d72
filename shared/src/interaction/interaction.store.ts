// Data access for interactions: an association's timeline (3) and a Helsinki month (9).
import { parseId } from '../validation';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { run, type PageRequest } from '../db/operations';
import { queryPage, type Page } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { helsinkiMonth } from '../time/helsinki';
import type { Interaction } from './interaction.schema';

export function interactionItem(workspaceId: string, interaction: Interaction): Record<string, unknown> {
  return {
    ...keys.interaction(workspaceId, interaction.associationId, interaction.occurredAt, interaction.id),
    ...keys.interactionMonth(
      workspaceId,
      helsinkiMonth(new Date(interaction.occurredAt)),
      interaction.occurredAt,
      interaction.id,
    ),
    type: 'interaction',
    ...interaction,
  };
}

/** The idempotency record of an interaction id: where (when) it was first logged. */
export function interactionRefItem(
  workspaceId: string,
  interaction: Pick<Interaction, 'associationId' | 'id' | 'occurredAt'>,
): Record<string, unknown> {
  return {
    ...keys.interactionRef(workspaceId, interaction.associationId, interaction.id),
    type: 'interactionRef',
    sv: 1,
    occurredAt: interaction.occurredAt,
  };
}

/** Pattern 12: the time an interaction id was first logged with, if it was. */
export async function getInteractionRef(
  db: Db,
  workspaceId: string,
  associationId: string,
  id: string,
): Promise<{ occurredAt: string } | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.interactionRef(workspaceId, parseId(associationId), parseId(id)),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? { occurredAt: String(result.Item.occurredAt) } : undefined;
}

/** Pattern 3: an association's interactions, newest first; deleted ones are left out. */
export function listTimeline(
  db: Db,
  workspaceId: string,
  associationId: string,
  page: PageRequest = {},
): Promise<Page<Interaction>> {
  parseId(associationId);
  return queryPage<Interaction>(
    db,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'attribute_not_exists(deletedAt)',
      ExpressionAttributeValues: {
        ':pk': keys.associationPartition(workspaceId, associationId),
        ':prefix': sortKeyPrefixes.interaction,
      },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    { scope: `timeline:${workspaceId}:${associationId}`, ...page },
  );
}

/** Pattern 9: the interactions of one Helsinki month (`YYYY-MM`), in time order, for reports. */
export function listInteractionsInMonth(
  db: Db,
  workspaceId: string,
  month: string,
  page: PageRequest = {},
): Promise<Page<Interaction>> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new ValidationError([{ field: 'month', message: localised('msg:date.format') }]);
  return queryPage<Interaction>(
    db,
    {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.interactionMonthPartition(workspaceId, month) },
    },
    { scope: `month:${workspaceId}:${month}`, ...page },
  );
}

// Data access for interactions: an association's timeline (3) and a Helsinki month (9).
import { parseId } from '../validation';
import type { Db } from '../db/client';
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

/** Pattern 3: an association's interactions, newest first; deleted ones are left out. */
export function listTimeline(
  db: Db,
  workspaceId: string,
  associationId: string,
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
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
  page: { cursor?: string | undefined; limit?: number | undefined } = {},
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

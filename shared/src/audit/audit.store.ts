// Data access for the audit log (pattern 19): append-only, one partition per Helsinki month.
// There is deliberately no update or delete here.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { queryPage, run, type Page } from '../db/operations';
import { keys } from '../db/table';
import { newId } from '../ids';
import { helsinkiMonth } from '../time/helsinki';
import { AUDIT_SCHEMA_VERSION, type AuditEntry, type AuditFilter } from './audit';

export type AuditInput = Omit<AuditEntry, 'sv' | 'id' | 'at' | 'workspaceId'>;

export async function recordAudit(db: Db, workspaceId: string, input: AuditInput): Promise<AuditEntry> {
  const now = db.now();
  const entry: AuditEntry = {
    sv: AUDIT_SCHEMA_VERSION,
    id: newId(now.getTime()),
    workspaceId,
    at: now.toISOString(),
    ...input,
  };
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.audit(workspaceId, helsinkiMonth(now), entry.at, entry.id), type: 'audit', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  return entry;
}

/** One page of a month's entries, newest first, optionally only one action or one actor. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  filter: AuditFilter,
  options: { cursor?: string | undefined; limit?: number } = {},
): Promise<Page<AuditEntry>> {
  const conditions: string[] = [];
  const values: Record<string, unknown> = { ':pk': keys.auditPartition(workspaceId, filter.month) };
  const names: Record<string, string> = {};
  if (filter.action) {
    conditions.push('#action = :action');
    names['#action'] = 'action';
    values[':action'] = filter.action;
  }
  if (filter.actorId) {
    conditions.push('actorId = :actor');
    values[':actor'] = filter.actorId;
  }
  return queryPage<AuditEntry>(
    db,
    {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: values,
      ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ScanIndexForward: false,
    },
    {
      scope: `audit:${workspaceId}:${filter.month}:${filter.action ?? ''}:${filter.actorId ?? ''}`,
      cursor: options.cursor,
      limit: options.limit ?? 100,
    },
  );
}

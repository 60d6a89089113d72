// Data access for workspaces (patterns 11 and 20).
import { localised } from '../i18n/messages';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../db/operations';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { ConflictError, NotFoundError } from '../errors';
import { parseExpectedVersion, parseInput } from '../validation';
import {
  WORKSPACE_SCHEMA_VERSION,
  workspaceInputSchema,
  type Workspace,
  type WorkspaceInput,
} from './workspace.schema';
import { defaultPipelineStages } from '../pipeline/pipeline';

export async function getWorkspace(db: Db, workspaceId: string): Promise<Workspace> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.workspace(workspaceId), ConsistentRead: true }),
    ),
  );
  if (!result.Item) throw new NotFoundError(localised('workspaceStore.workspaceNotFound'));
  return stripKeys<Workspace>(result.Item);
}

export async function createWorkspace(db: Db, input: unknown): Promise<Workspace> {
  const parsed: WorkspaceInput = parseInput(workspaceInputSchema, input);
  const workspace: Workspace = {
    ...parsed,
    sv: WORKSPACE_SCHEMA_VERSION,
    version: 1,
    createdAt: db.now().toISOString(),
  };
  try {
    await run(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: {
            ...keys.workspace(parsed.id),
            ...keys.workspaceListEntry(parsed.id),
            type: 'workspace',
            ...workspace,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) {
      throw new ConflictError(localised('workspaceStore.theWorkspaceAlreadyExists'));
    }
    throw error;
  }
  return workspace;
}

/** Returns the workspace, creating it with the default pipeline when it does not exist yet. */
export async function ensureWorkspace(db: Db, id: string, name: string): Promise<Workspace> {
  try {
    return await getWorkspace(db, id);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  try {
    return await createWorkspace(db, { id, name, stages: defaultPipelineStages });
  } catch (error) {
    if (error instanceof ConflictError) return getWorkspace(db, id);
    throw error;
  }
}

/** Pattern 20: the ids of every workspace, for jobs that visit them all (daily reminders). */
export async function listWorkspaceIds(db: Db): Promise<string[]> {
  const entries = await queryAll<{ id: string }>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.workspacesPartition },
  });
  return entries.map((entry) => entry.id);
}

/** The workspace's display name as a form sends it: what sentences and e-mails call the centre. */
export const workspaceNameSchema = workspaceInputSchema.pick({ name: true });

/**
 * Renames the workspace (its display name; the id in keys and URLs never changes). With
 * `expectedVersion` a save made on an older version is a ConflictError and changes nothing.
 */
export async function renameWorkspace(
  db: Db,
  workspaceId: string,
  request: { name: unknown; expectedVersion?: unknown },
): Promise<void> {
  const { name } = parseInput(workspaceNameSchema, { name: request.name });
  const versioned = request.expectedVersion !== undefined;
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.workspace(workspaceId),
          UpdateExpression: 'SET #name = :name, #version = #version + :one',
          ConditionExpression: versioned ? '#version = :expected' : 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name', '#version': 'version' },
          ExpressionAttributeValues: {
            ':name': name,
            ':one': 1,
            ...(versioned ? { ':expected': parseExpectedVersion(request.expectedVersion) } : {}),
          },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw versioned ? new ConflictError() : new NotFoundError();
    throw error;
  }
}

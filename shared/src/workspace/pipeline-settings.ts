// Editing a workspace's tarjotin stages and their "stale after N days" thresholds (a default, and
// a stage's own where it differs). A stage that
// still holds associations cannot be removed (move them first); edits check the version.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { countAssociationsInStage } from '../association/association.store';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { expectedVersionSchema, parseInput } from '../validation';
import { workspaceInputSchema, type Workspace } from './workspace.schema';
import { getWorkspace } from './workspace.store';

const settingsSchema = z.object({
  expectedVersion: expectedVersionSchema,
  stages: workspaceInputSchema.shape.stages,
  staleAfterDays: z.coerce
    .number()
    .int()
    .min(1, { message: 'msg:staleDays.range' })
    .max(3650, { message: 'msg:staleDays.range' }),
});

/** Reads the settings form's rows (`stages.0.code`, `stages.0.fi`, …) into stage objects, in order. */
export function stagesFromForm(values: Record<string, string | string[]>): unknown[] {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(values)) {
    const match = /^stages\.(\d+)\.(code|fi|en|kind|position|remove|stale)$/.exec(name);
    if (!match || typeof value !== 'string') continue;
    const row = rows.get(Number(match[1])) ?? {};
    row[match[2] as string] = value.trim();
    rows.set(Number(match[1]), row);
  }
  return [...rows.entries()]
    .filter(([, row]) => row.remove !== 'yes' && (row.code || row.fi || row.en))
    .sort(([a, rowA], [b, rowB]) => Number(rowA.position ?? a) - Number(rowB.position ?? b) || a - b)
    .map(([, row]) => ({
      code: row.code,
      label: { fi: row.fi, en: row.en },
      kind: row.kind || 'main',
      // An empty box: the stage follows the workspace's default.
      ...(row.stale ? { staleAfterDays: Number(row.stale) } : {}),
    }));
}

export async function updatePipelineSettings(
  db: Db,
  workspaceId: string,
  input: unknown,
): Promise<Workspace> {
  const settings = parseInput(settingsSchema, input);
  const current = await getWorkspace(db, workspaceId);
  if (current.version !== settings.expectedVersion) throw new ConflictError();
  const kept = new Set(settings.stages.map((stage) => stage.code));
  for (const stage of current.stages) {
    if (kept.has(stage.code)) continue;
    // One entry is enough to refuse: the count stops there.
    if ((await countAssociationsInStage(db, workspaceId, stage.code, 0)).more) {
      throw new ValidationError([
        { field: 'stages', message: localised('msg:stage.inUse', { stage: stage.label.fi }) },
      ]);
    }
  }
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.workspace(workspaceId),
          UpdateExpression: 'SET stages = :stages, staleAfterDays = :stale, #version = #version + :one',
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':stages': settings.stages,
            ':stale': settings.staleAfterDays,
            ':one': 1,
            ':expected': settings.expectedVersion,
          },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConflictError();
    throw error;
  }
  return {
    ...current,
    stages: settings.stages,
    staleAfterDays: settings.staleAfterDays,
    version: current.version + 1,
  };
}

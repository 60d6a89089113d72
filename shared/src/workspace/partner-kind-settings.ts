// Editing a workspace's partner kinds (organisation-kind.ts): the settings form's rows, and the
// version-checked save. A kind that partners still have cannot be removed (its organisations would
// lose their name); that check reads the directory's entries once (pattern 2, projected, paged),
// the same read a filtered directory search makes, and only when a kind is being removed.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { partnerKindListSchema, partnerKindsOf, type PartnerKind } from '../association/organisation-kind';
import { readDirectoryEntries } from '../association/directory-search';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError, ValidationError } from '../errors';
import { inEachLanguage, t } from '../i18n/messages';
import { expectedVersionSchema, parseInput } from '../validation';
import type { Workspace } from './workspace.schema';
import { getWorkspace } from './workspace.store';

const partnerKindSettingsSchema = z.object({
  expectedVersion: expectedVersionSchema,
  partnerKinds: partnerKindListSchema,
});

/** Reads the form's rows (`kinds.0.code`, `kinds.0.fi`, `kinds.0.en`, `kinds.0.remove`) in order. */
export function partnerKindsFromForm(values: Record<string, string | string[]>): unknown[] {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(values)) {
    const match = /^kinds\.(\d+)\.(code|fi|en|remove)$/.exec(name);
    if (!match || typeof value !== 'string') continue;
    const row = rows.get(Number(match[1])) ?? {};
    row[match[2] as string] = value.trim();
    rows.set(Number(match[1]), row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .filter(([, row]) => row.remove !== 'yes' && (row.code || row.fi || row.en))
    .map(([, row]) => ({ code: row.code, label: { fi: row.fi, en: row.en } }));
}

/**
 * Saves the partner kinds made on `expectedVersion` of the workspace. Fails with ValidationError
 * (a bad row, a removed kind still in use), ConflictError (someone saved the settings first).
 */
export async function updatePartnerKinds(db: Db, workspaceId: string, input: unknown): Promise<Workspace> {
  const settings = parseInput(partnerKindSettingsSchema, input);
  const current = await getWorkspace(db, workspaceId);
  if (current.version !== settings.expectedVersion) throw new ConflictError();
  const kept = new Set(settings.partnerKinds.map((kind) => kind.code));
  const removed = partnerKindsOf(current).filter((kind) => !kept.has(kind.code));
  if (removed.length > 0) await refuseKindsInUse(db, workspaceId, removed);
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.workspace(workspaceId),
          UpdateExpression: 'SET partnerKinds = :kinds, #version = #version + :one',
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':kinds': settings.partnerKinds,
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
  return { ...current, partnerKinds: settings.partnerKinds, version: current.version + 1 };
}

async function refuseKindsInUse(db: Db, workspaceId: string, removed: readonly PartnerKind[]): Promise<void> {
  const used = new Set((await readDirectoryEntries(db, workspaceId)).map((entry) => entry.kind));
  const inUse = removed.find((kind) => used.has(kind.code));
  if (inUse) {
    throw new ValidationError([
      {
        field: 'partnerKinds',
        message: inEachLanguage((locale) =>
          t(locale, 'msg:partnerKind.inUse', { kind: inUse.label[locale] }),
        ),
      },
    ]);
  }
}

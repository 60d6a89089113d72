// The `migrate` runner: upgrades stored items whose schema version (`sv`) is older than the
// code's, one step at a time, and applies the cleanups (idempotent rewrites of any version, such
// as input hygiene for text stored before it); each write conditional on the version it read,
// and only items that change are written, so a run after an interruption resumes where it was.
import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Association } from '../association/association.schema';
import { syncProfileEntries } from '../association/profile-entries';
import { putContactsMet } from '../interaction/contacts-met.store';
import type { Interaction } from '../interaction/interaction.schema';
import type { Db } from './client';
import { cleanStoredText, textItemTypes } from './clean-stored-text';
import { keys, stripKeys } from './table';
import { eachResultPage, isConditionalFailure, putIfAbsent, run } from './operations';
import { finnishCollationKey } from '../text/finnish-collation';
import { helsinkiMonth } from '../time/helsinki';

export type StoredItem = Record<string, unknown> & { type: string; sv: number };

export interface Migration {
  type: string;
  /** Upgrades an item of schema version `from` to `from + 1`. Pure: no I/O. */
  from: number;
  up: (item: StoredItem) => StoredItem;
  description: string;
}

/** The migrations of this code base, oldest first. */
/** The workspace of an item, from its key (`WS#<workspace>#…`). */
const workspaceOf = (item: StoredItem) => String(item.pk).split('#')[1] as string;

export const migrations: Migration[] = [
  {
    type: 'person',
    from: 1,
    description: 'list the person in the people directory (pattern 36)',
    up: (item) => ({
      ...item,
      ...keys.peopleDirectory(workspaceOf(item), finnishCollationKey(String(item.name)), String(item.id)),
    }),
  },
  {
    type: 'association',
    from: 1,
    description: 'write the lookup entries of the duplicate check (pattern 34; the runner writes them)',
    up: (item) => item,
  },
  {
    type: 'workspace',
    from: 1,
    description: 'list the workspace in the index of all workspaces (pattern 20)',
    up: (item) => ({ ...item, ...keys.workspaceListEntry(String(item.id)) }),
  },
  {
    type: 'stageChange',
    from: 1,
    description: 'index stage changes by the Helsinki month they happened in (pattern 31, reports)',
    up: (item) => {
      const at = String(item.at);
      return {
        ...item,
        ...keys.stageChangeMonth(
          workspaceOf(item),
          helsinkiMonth(new Date(at)),
          at,
          String(item.associationId),
          Number(item.seq),
        ),
      };
    },
  },
  {
    type: 'membership',
    from: 1,
    description:
      'an item per role period: the one role of a person in an association gets an id (the person id) and its own key',
    up: (item) => {
      const personId = String(item.personId);
      return {
        ...item,
        id: personId,
        ...keys.membership(workspaceOf(item), String(item.associationId), personId, personId),
      };
    },
  },
  {
    type: 'followUp',
    from: 1,
    description: 'index completed follow-ups by the Helsinki month they were done in (pattern 32, reports)',
    up: (item) => {
      if (item.status !== 'done' || typeof item.completedAt !== 'string') return item;
      return {
        ...item,
        ...keys.doneFollowUpMonth(
          workspaceOf(item),
          helsinkiMonth(new Date(item.completedAt)),
          item.completedAt,
          String(item.id),
        ),
      };
    },
  },
  {
    type: 'interaction',
    from: 1,
    description: 'write the reverse entries of the people met (pattern 37; the runner writes them)',
    up: (item) => item,
  },
  {
    type: 'campaignRow',
    from: 1,
    description: 'index campaign rows by their association, so a rename reaches their name (pattern 38)',
    up: (item) => ({
      ...item,
      ...keys.campaignRowOfAssociation(
        workspaceOf(item),
        String(item.associationId),
        String(item.campaignId),
      ),
    }),
  },
];

/** A rewrite of items of any schema version. Pure and idempotent: applied to its own output, it changes nothing. */
export interface Cleanup {
  types: readonly string[];
  apply: (item: StoredItem) => StoredItem;
  description: string;
}

export const cleanups: Cleanup[] = [
  {
    types: textItemTypes,
    description:
      'input hygiene: control and bidi characters out of stored text, NFC; an association renamed so is re-keyed in the directory',
    apply: (item) => {
      const cleaned = cleanStoredText(item);
      if (cleaned.name === item.name) return cleaned;
      // The people directory's sort key is derived from the name (pattern 36).
      if (cleaned.type === 'person') {
        return {
          ...cleaned,
          ...keys.peopleDirectory(
            workspaceOf(cleaned),
            finnishCollationKey(String(cleaned.name)),
            String(cleaned.id),
          ),
        };
      }
      // The directory's sort key is derived from the name (pattern 2).
      if (cleaned.type !== 'association' || cleaned.mergedInto) return cleaned;
      return {
        ...cleaned,
        ...keys.directory(
          workspaceOf(cleaned),
          finnishCollationKey(String(cleaned.name)),
          String(cleaned.id),
        ),
      };
    },
  },
];

function applyCleanups(list: readonly Cleanup[], item: StoredItem): StoredItem {
  return list.reduce(
    (current, cleanup) => (cleanup.types.includes(current.type) ? cleanup.apply(current) : current),
    item,
  );
}

export function latestVersion(registry: readonly Migration[], type: string): number {
  return registry.filter((m) => m.type === type).reduce((latest, m) => Math.max(latest, m.from + 1), 1);
}

/** Applies every step from the item's version to the latest; throws if a step is missing. */
export function upgradeItem(registry: readonly Migration[], item: StoredItem): StoredItem {
  const target = latestVersion(registry, item.type);
  let current = item;
  while (current.sv < target) {
    const step = registry.find((m) => m.type === current.type && m.from === current.sv);
    if (!step) throw new Error(`No migration for ${current.type} from version ${current.sv}`);
    current = { ...step.up(current), sv: current.sv + 1 };
  }
  return current;
}

/** Counters that change on every write; equal values mean nobody wrote since the scan read it. */
const CHANGE_COUNTERS = ['sv', 'version', 'summaryRev', 'stageSeq'] as const;

function unchangedSince(item: StoredItem) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const counter of CHANGE_COUNTERS) {
    if (typeof item[counter] !== 'number') continue;
    names[`#${counter}`] = counter;
    values[`:${counter}`] = item[counter];
    parts.push(`#${counter} = :${counter}`);
  }
  return { expression: parts.join(' AND '), names, values };
}

export interface MigrationReport {
  scanned: number;
  /** Items written: upgraded to the latest schema version, cleaned, or both. */
  upgraded: number;
  /** Items changed by someone else while being migrated; a second run picks them up. */
  skipped: number;
}

/**
 * An upgrade that re-keys an item (e.g. a membership becoming a role period): the new item is
 * written if absent (a run cut short after it keeps what was written, and any edit made since),
 * then the old one is deleted if nobody wrote it since the scan. False when it was changed meanwhile.
 */
async function moveItem(
  db: Db,
  item: StoredItem,
  upgraded: StoredItem,
  guard: ReturnType<typeof unchangedSince>,
): Promise<boolean> {
  await putIfAbsent(db, upgraded);
  try {
    await run(() =>
      db.doc.send(
        new DeleteCommand({
          TableName: db.table,
          Key: { pk: item.pk, sk: item.sk },
          ConditionExpression: guard.expression,
          ExpressionAttributeNames: guard.names,
          ExpressionAttributeValues: guard.values,
        }),
      ),
    );
    return true;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    return false;
  }
}

/** Scans the table (a maintenance job, not a request path) and upgrades outdated items. */
export async function runMigrations(
  db: Db,
  registry: readonly Migration[] = migrations,
  cleanupList: readonly Cleanup[] = cleanups,
): Promise<MigrationReport> {
  const report: MigrationReport = { scanned: 0, upgraded: 0, skipped: 0 };
  for await (const page of eachResultPage((start) =>
    run(() => db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }))),
  )) {
    for (const raw of page.Items ?? []) {
      report.scanned++;
      const item = raw as StoredItem;
      if (typeof item.type !== 'string' || typeof item.sv !== 'number') continue;
      const current = item.sv >= latestVersion(registry, item.type) ? item : upgradeItem(registry, item);
      const upgraded = applyCleanups(cleanupList, current);
      if (upgraded === item || isDeepStrictEqual(upgraded, item)) continue;
      const guard = unchangedSince(item);
      // The people met's reverse entries go before the upgraded interaction (as a logged contact's
      // do): a run cut short leaves the interaction at version 1, and the next run writes them.
      if (upgraded.type === 'interaction' && upgraded.sv !== item.sv && !upgraded.deletedAt) {
        const interaction = stripKeys<Interaction>(upgraded);
        await putContactsMet(db, workspaceOf(upgraded), interaction, interaction.personIds ?? []);
      }
      if (upgraded.pk !== item.pk || upgraded.sk !== item.sk) {
        report[(await moveItem(db, item, upgraded, guard)) ? 'upgraded' : 'skipped']++;
        continue;
      }
      try {
        await run(() =>
          db.doc.send(
            new PutCommand({
              TableName: db.table,
              Item: upgraded,
              ConditionExpression: guard.expression,
              ExpressionAttributeNames: guard.names,
              ExpressionAttributeValues: guard.values,
            }),
          ),
        );
        report.upgraded++;
        // Entry items are derived from the profile: a cleaned name or municipality moves them,
        // and an upgrade may add a kind of entry (version 2: the duplicate lookup entries).
        const renamed =
          item.name !== upgraded.name || !isDeepStrictEqual(item.municipalities, upgraded.municipalities);
        if (upgraded.type === 'association' && (renamed || upgraded.sv !== item.sv)) {
          await syncProfileEntries(db, workspaceOf(upgraded), stripKeys<Association>(upgraded));
        }
      } catch (error) {
        if (!isConditionalFailure(error)) throw error;
        report.skipped++;
      }
    }
  }
  return report;
}

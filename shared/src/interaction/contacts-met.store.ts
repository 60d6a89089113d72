// The contacts where a person was met (pattern 37): a small reverse entry per person met of each
// interaction, in the person's own partition, holding only what finds the interaction again. The
// person page reads a page of entries, then the interactions themselves and their associations'
// names (two batch reads), so kind, outcome, deletion and renames are always the facts' own.
//
// Entries are written before the fact that lists the person and removed after the fact that no
// longer does: a crash in between leaves an entry too many, never one too few, and a read shows
// an entry only when its interaction still names the person. `repair` recomputes every entry of
// an association from its interactions; `migrate` wrote them for the contacts logged before them.
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { getAssociationNames } from '../association/association.store';
import type { Db } from '../db/client';
import { batchGetAll, queryAll, queryAllItems, queryPage, readAllPages, run } from '../db/operations';
import type { Page, PageRequest } from '../db/operations';
import { keys, sortKeyPrefixes } from '../db/table';
import { parseId } from '../validation';
import type { Interaction, InteractionKind, InteractionOutcome } from './interaction.schema';

export const CONTACT_MET_SCHEMA_VERSION = 1;

/** What an entry needs to find its interaction: where, when, which. */
export type MetInteraction = Pick<Interaction, 'associationId' | 'occurredAt' | 'id'>;

export interface ContactMetEntry {
  personId: string;
  associationId: string;
  interactionId: string;
  occurredAt: string;
}

/** A contact the person was met in, as the person page lists it. */
export interface ContactMet {
  interactionId: string;
  associationId: string;
  associationName: string;
  occurredAt: string;
  kind: InteractionKind;
  outcome?: InteractionOutcome;
}

export function contactMetItem(
  workspaceId: string,
  personId: string,
  interaction: MetInteraction,
): Record<string, unknown> {
  return {
    ...keys.contactMet(workspaceId, personId, interaction.occurredAt, interaction.id),
    type: 'contactMet',
    sv: CONTACT_MET_SCHEMA_VERSION,
    personId,
    associationId: interaction.associationId,
    interactionId: interaction.id,
    occurredAt: interaction.occurredAt,
  };
}

/** The entries of an interaction as written beside it (seed data, imports). */
export function contactMetItems(
  workspaceId: string,
  interaction: MetInteraction & Pick<Interaction, 'personIds' | 'deletedAt'>,
): Record<string, unknown>[] {
  if (interaction.deletedAt) return [];
  return [...new Set(interaction.personIds)].map((personId) =>
    contactMetItem(workspaceId, personId, interaction),
  );
}

/**
 * Writes the entries of `personIds` for an interaction (plain puts: the same entry again is the
 * same item, so a retry or a resumed merge rewrites it harmlessly; a moved interaction's entry
 * points to its new association). Called before the interaction lists them.
 */
export async function putContactsMet(
  db: Db,
  workspaceId: string,
  interaction: MetInteraction,
  personIds: readonly string[],
): Promise<void> {
  await Promise.all(
    [...new Set(personIds)].map((personId) =>
      run(() =>
        db.doc.send(
          new PutCommand({ TableName: db.table, Item: contactMetItem(workspaceId, personId, interaction) }),
        ),
      ),
    ),
  );
}

/** Removes the entries of `personIds` for an interaction; called after it no longer lists them. */
export async function removeContactsMet(
  db: Db,
  workspaceId: string,
  interaction: Pick<Interaction, 'occurredAt' | 'id'>,
  personIds: readonly string[],
): Promise<void> {
  await Promise.all(
    [...new Set(personIds)].map((personId) =>
      run(() =>
        db.doc.send(
          new DeleteCommand({
            TableName: db.table,
            Key: keys.contactMet(workspaceId, personId, interaction.occurredAt, interaction.id),
          }),
        ),
      ),
    ),
  );
}

/** Removes one person's entries of the given interactions (erasure). */
export async function removeContactMetEntries(
  db: Db,
  workspaceId: string,
  interactions: readonly Pick<Interaction, 'occurredAt' | 'id'>[],
  personId: string,
): Promise<void> {
  for (const interaction of interactions) await removeContactsMet(db, workspaceId, interaction, [personId]);
}

/** Every entry of a person (erasure, subject access): bounded by the contacts they were met in. */
export function listContactMetEntries(
  db: Db,
  workspaceId: string,
  personId: string,
): Promise<ContactMetEntry[]> {
  return queryAll<ContactMetEntry>(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: {
      ':pk': keys.personPartition(workspaceId, parseId(personId)),
      ':prefix': sortKeyPrefixes.contactMet,
    },
    ScanIndexForward: false,
    ConsistentRead: true,
  });
}

type InteractionFacts = Pick<
  Interaction,
  'id' | 'associationId' | 'occurredAt' | 'kind' | 'outcome' | 'personIds' | 'deletedAt'
>;

/**
 * Pattern 37: a page of the contacts where the person was met, newest first. One query of
 * entries, one batch read of their interactions and one of the associations' names: an entry
 * whose interaction is gone, deleted or no longer names the person (a write cut short) is left
 * out, so a page may hold fewer than `limit`. Names of associations that are gone read '–'.
 * Fails with ValidationError for an id or a cursor that is not one (a cursor of another list).
 */
export async function listContactsMet(
  db: Db,
  workspaceId: string,
  personId: string,
  page: PageRequest = {},
): Promise<Page<ContactMet>> {
  parseId(personId);
  const entries = await queryPage<ContactMetEntry>(
    db,
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.personPartition(workspaceId, personId),
        ':prefix': sortKeyPrefixes.contactMet,
      },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    { scope: `met:${workspaceId}:${personId}`, ...page },
  );
  const facts = new Map(
    (
      await batchGetAll(
        db,
        entries.items.map((entry) =>
          keys.interaction(workspaceId, entry.associationId, entry.occurredAt, entry.interactionId),
        ),
        {
          expression: '#id, #association, #at, #kind, #outcome, #people, #deleted',
          names: {
            '#id': 'id',
            '#association': 'associationId',
            '#at': 'occurredAt',
            '#kind': 'kind',
            '#outcome': 'outcome',
            '#people': 'personIds',
            '#deleted': 'deletedAt',
          },
        },
      )
    ).map((item) => [`${String(item.associationId)}#${String(item.id)}`, item as InteractionFacts]),
  );
  const shown = entries.items.flatMap((entry) => {
    const fact = facts.get(`${entry.associationId}#${entry.interactionId}`);
    if (!fact || fact.deletedAt || !(fact.personIds ?? []).includes(personId)) return [];
    return [fact];
  });
  const names = await getAssociationNames(
    db,
    workspaceId,
    shown.map((fact) => fact.associationId),
  );
  const items: ContactMet[] = shown.map((fact) => ({
    interactionId: fact.id,
    associationId: fact.associationId,
    associationName: names.get(fact.associationId) ?? '–',
    occurredAt: fact.occurredAt,
    kind: fact.kind,
    ...(fact.outcome ? { outcome: fact.outcome } : {}),
  }));
  return entries.cursor === undefined ? { items } : { items, cursor: entries.cursor };
}

/** Every contact the person was met in (subject access), newest first. */
export function listAllContactsMet(db: Db, workspaceId: string, personId: string): Promise<ContactMet[]> {
  return readAllPages((page) => listContactsMet(db, workspaceId, personId, page), 100);
}

/**
 * Makes the entries pointing at one association exactly what its interactions say (`repair`):
 * a missing entry is written (also one still pointing at a duplicate merged into it), an entry of
 * a deleted contact, of a person no longer listed or of a contact that is gone is removed. The
 * people checked are those its interactions and its roles name. Returns how many it wrote or removed.
 */
export async function syncContactsMetOfAssociation(
  db: Db,
  workspaceId: string,
  associationId: string,
): Promise<number> {
  const partition = keys.associationPartition(workspaceId, associationId);
  const [interactions, memberships] = await Promise.all([
    queryAllItems(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': sortKeyPrefixes.interaction },
      ProjectionExpression: 'id, associationId, occurredAt, personIds, deletedAt',
      ConsistentRead: true,
    }),
    queryAllItems(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': sortKeyPrefixes.membership },
      ProjectionExpression: 'personId',
      ConsistentRead: true,
    }),
  ]);
  const wanted = new Map<string, Record<string, unknown>>();
  for (const raw of interactions) {
    const interaction = { ...(raw as unknown as InteractionFacts), associationId };
    for (const item of contactMetItems(workspaceId, interaction)) {
      wanted.set(`${String(item.pk)}\u0000${String(item.sk)}`, item);
    }
  }
  const people = new Set<string>([
    ...memberships.map((m) => String(m.personId)),
    ...interactions.flatMap((i) => (i.personIds as string[] | undefined) ?? []),
  ]);
  let changes = 0;
  for (const personId of people) {
    const existing = await queryAllItems(db, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': keys.personPartition(workspaceId, personId),
        ':prefix': sortKeyPrefixes.contactMet,
      },
      ConsistentRead: true,
    });
    const mine = new Set<string>();
    for (const entry of existing) {
      const key = `${String(entry.pk)}\u0000${String(entry.sk)}`;
      if (wanted.has(key) && entry.associationId === associationId) mine.add(key);
      else if (!wanted.has(key) && entry.associationId === associationId) {
        await run(() =>
          db.doc.send(new DeleteCommand({ TableName: db.table, Key: { pk: entry.pk, sk: entry.sk } })),
        );
        changes++;
      }
    }
    for (const [key, item] of wanted) {
      if (item.personId !== personId || mine.has(key)) continue;
      await run(() => db.doc.send(new PutCommand({ TableName: db.table, Item: item })));
      changes++;
    }
  }
  return changes;
}

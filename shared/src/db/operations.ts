// Thin helpers over the document client: error mapping and one-page queries with cursors.
import {
  BatchGetCommand,
  DeleteCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '../errors';
import type { Db } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { stripKeys } from './table';

const THROTTLING_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

export function isConditionalFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * An update whose condition may not hold: true when it applied, false when the condition failed
 * (someone else got there first, or it was done already). Other errors are thrown.
 */
export async function updateIf(db: Db, input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
  try {
    await run(() => db.doc.send(new UpdateCommand({ ...input, TableName: db.table })));
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}

/** Puts an item unless its key exists; false when it existed (an idempotent retry). */
export async function putIfAbsent(db: Db, item: Record<string, unknown>): Promise<boolean> {
  try {
    await run(() =>
      db.doc.send(
        new PutCommand({ TableName: db.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalFailure(error)) return false;
    throw error;
  }
}

/** Runs one DynamoDB call. The SDK has already retried throttling with back-off by then. */
export async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof Error && THROTTLING_ERRORS.has(error.name))
      throw new UnavailableError({ cause: error });
    throw error;
  }
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page; absent on the last page. */
  cursor?: string;
}

/** The page a caller asks for: the cursor of the previous page (none for the first) and a size. */
export interface PageRequest {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Every page of a paged list, in order, `limit` items a page: for the bounded lists that a job
 * or a report reads whole (the handover, an import's duplicate check). Lists a user browses are
 * read one page at a time instead.
 */
export async function* eachPage<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  limit: number = MAX_PAGE_SIZE,
): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await read({ cursor, limit });
    yield page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** Every item of a paged list (see `eachPage`). */
export async function readAllPages<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  limit: number = MAX_PAGE_SIZE,
): Promise<T[]> {
  const items: T[] = [];
  for await (const page of eachPage(read, limit)) items.push(...page);
  return items;
}

/**
 * Reads one page of a query. `scope` names the list (pattern + partition) so a cursor only
 * works for the list it came from. With a filter, DynamoDB may return fewer items than `limit`.
 */
export async function queryPage<T>(
  db: Db,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
  options: PageRequest & { scope: string },
): Promise<Page<T>> {
  const limit = Math.min(Math.max(options.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const result = await run(() =>
    db.doc.send(
      new QueryCommand({
        ...input,
        TableName: db.table,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(db.cursorSecret, options.scope, options.cursor),
      }),
    ),
  );
  const items = (result.Items ?? []).map((item) => stripKeys<T>(item));
  const cursor = encodeCursor(db.cursorSecret, options.scope, result.LastEvaluatedKey);
  return cursor === undefined ? { items } : { items, cursor };
}

/** Every page DynamoDB returns for a query or scan, in order: the one loop over `LastEvaluatedKey`. */
export async function* eachResultPage<P extends { LastEvaluatedKey?: Record<string, unknown> }>(
  read: (start: Record<string, unknown> | undefined) => Promise<P>,
): AsyncGenerator<P> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await read(start);
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

/** Reads every page of a bounded query, items as stored (keys included). */
export async function queryAllItems(db: Db, input: QueryInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const result of eachResultPage((start) =>
    run(() => db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }))),
  )) {
    items.push(...(result.Items ?? []));
  }
  return items;
}

/** Reads every page of a bounded query (a single association's items). */
export async function queryAll<T>(db: Db, input: QueryInput): Promise<T[]> {
  return (await queryAllItems(db, input)).map((item) => stripKeys<T>(item));
}

/** Counts what a query matches, page by page (DynamoDB counts at most 1 MB a page). */
export async function countAll(db: Db, input: Omit<QueryInput, 'Select'>): Promise<number> {
  let count = 0;
  for await (const result of eachResultPage((start) =>
    run(() =>
      db.doc.send(
        new QueryCommand({ ...input, Select: 'COUNT', TableName: db.table, ExclusiveStartKey: start }),
      ),
    ),
  )) {
    count += result.Count ?? 0;
  }
  return count;
}

/**
 * Counts what a query matches, examining at most `cap` + 1 items (a declared, bounded cost): `more`
 * says there are more than `cap` (the count then stops at `cap`).
 */
export async function countUpTo(
  db: Db,
  input: Omit<QueryInput, 'Select' | 'Limit'>,
  cap: number,
): Promise<{ count: number; more: boolean }> {
  let count = 0;
  const pages = eachResultPage((start) =>
    run(() =>
      db.doc.send(
        new QueryCommand({
          ...input,
          Select: 'COUNT',
          Limit: cap + 1 - count,
          TableName: db.table,
          ExclusiveStartKey: start,
        }),
      ),
    ),
  );
  for await (const result of pages) {
    count += result.Count ?? 0;
    if (count > cap) break;
  }
  return { count: Math.min(count, cap), more: count > cap };
}

const BATCH_GET_LIMIT = 100;

/**
 * Reads items by key in batches of 100, retrying keys DynamoDB left unprocessed (with a short
 * back-off). Items come back in no particular order; missing keys are simply absent.
 */
export async function batchGetAll(
  db: Db,
  itemKeys: readonly Record<string, unknown>[],
  projection?: { expression: string; names: Record<string, string> },
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < itemKeys.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = itemKeys.slice(i, i + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= 8) throw new UnavailableError();
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const request = pending;
      const result = await run(() =>
        db.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [db.table]: {
                Keys: request,
                ...(projection
                  ? {
                      ProjectionExpression: projection.expression,
                      ExpressionAttributeNames: projection.names,
                    }
                  : {}),
              },
            },
          }),
        ),
      );
      items.push(...(result.Responses?.[db.table] ?? []));
      pending = (result.UnprocessedKeys?.[db.table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }
  return items;
}

/**
 * Makes the derived entry items under one partition and sort-key prefix (e.g. an association's
 * municipality entries) exactly `wanted`: missing or changed ones are written, the rest removed.
 * Entries are compared by their index keys. Returns how many items it wrote or removed.
 */
export async function syncEntryItems(
  db: Db,
  partition: { pk: string; prefix: string },
  wanted: readonly Record<string, unknown>[],
): Promise<number> {
  const indexKeysOf = (item: Record<string, unknown>) =>
    `${String(item.gsi1pk)}\u0000${String(item.gsi1sk)}\u0000${String(item.gsi2pk)}\u0000${String(item.gsi2sk)}`;
  const existing = await queryAllItems(db, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': partition.pk, ':prefix': partition.prefix },
    ConsistentRead: true,
  });
  const current = new Map(existing.map((item) => [String(item.sk), indexKeysOf(item)]));
  let changes = 0;
  for (const item of wanted) {
    if (current.get(String(item.sk)) === indexKeysOf(item)) continue;
    await run(() => db.doc.send(new PutCommand({ TableName: db.table, Item: item })));
    changes++;
  }
  const wantedKeys = new Set(wanted.map((item) => String(item.sk)));
  for (const sk of current.keys()) {
    if (wantedKeys.has(sk)) continue;
    await run(() => db.doc.send(new DeleteCommand({ TableName: db.table, Key: { pk: partition.pk, sk } })));
    changes++;
  }
  return changes;
}

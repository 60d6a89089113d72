// The embedded DynamoDB-compatible engine (dynalite) for `npm start`, CLIs and tests, and the
// table creation from `tableDefinition` that keeps the local table equal to the deployed one.
// Its data directory and the endpoint file are private to their owner (0700 / 0600).
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ClassicLevel } from 'classic-level';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { eachResultPage } from './operations';
import { tableDefinition as currentDefinition, type TableDefinition } from './table';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

interface ClosableIterator {
  close: () => Promise<void>;
  return?: () => Promise<void>;
}

/**
 * dynalite 4 ends its read streams with `iterator.return()`, which the iterators of abstract-level 3
 * (under both its LevelDB and its in-memory store) do not have, so every Query and Scan left an
 * iterator open, holding a LevelDB snapshot and its read buffers, until the engine closed: the
 * engine's memory grew with every read and never shrank. Giving the iterators that method makes
 * dynalite close them. Idempotent; throws only if dynalite's dependencies are missing.
 */
export function closeEngineIteratorsOnReturn(): void {
  const resolveFrom = (path: readonly string[]) =>
    path.reduce((from, name) => createRequire(from).resolve(name), require.resolve('dynalite'));
  for (const store of [['level', 'classic-level'], ['memory-level']]) {
    const level = createRequire(resolveFrom(store))('abstract-level') as Record<
      string,
      { prototype: ClosableIterator }
    >;
    for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
      const prototype = level[name]?.prototype;
      if (prototype && !Object.hasOwn(prototype, 'return')) {
        prototype.return = function (this: ClosableIterator) {
          return this.close();
        };
      }
    }
  }
}

export interface LocalDynamo {
  endpoint: string;
  close: () => Promise<void>;
}

/** Starts dynalite; with `dir` the data persists there, without it the data lives in memory. */
export async function startLocalDynamo(
  options: { dir?: string; port?: number; host?: string } = {},
): Promise<LocalDynamo> {
  closeEngineIteratorsOnReturn();
  if (options.dir) await assertDirectoryFree(options.dir);
  const server = dynalite({ path: options.dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    endpoint: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/**
 * dynalite crashes its whole process when a second one opens the same directory, so the
 * LevelDB lock is probed first, where it fails cleanly.
 */
async function assertDirectoryFree(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700); // also a directory made by an older version

  const probe = new ClassicLevel(dir);
  try {
    await probe.open();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    if (code === 'LEVEL_LOCKED' || code === 'LEVEL_DATABASE_NOT_OPEN') {
      throw new DataDirectoryBusyError(dir);
    }
    throw error;
  }
  await probe.close();
}

export class DataDirectoryBusyError extends Error {
  constructor(dir: string) {
    super(
      `The data directory ${dir} is in use by another process, and no running Kohtaamo server answered at its endpoint. ` +
        'Stop the other process, or run this command while `npm start` is running so that it uses the server.',
    );
    this.name = 'DataDirectoryBusyError';
  }
}

export function localClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
}

export function createTableInput(
  name: string,
  definition: TableDefinition = currentDefinition,
): CreateTableCommandInput {
  const attributes = new Set([definition.partitionKey, definition.sortKey]);
  for (const index of definition.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((attribute) => ({
      AttributeName: attribute,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: definition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/** A stable description of keys and indexes, to compare a live table with the definition. */
export function definitionSignature(definition: TableDefinition): string {
  const indexes = [...definition.indexes]
    .map((index) => `${index.name}:${index.partitionKey}/${index.sortKey}`)
    .sort()
    .join(',');
  return `${definition.partitionKey}/${definition.sortKey};${indexes}`;
}

async function liveSignature(client: DynamoDBClient, name: string): Promise<string | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    const keyOf = (schema: { AttributeName?: string; KeyType?: string }[] | undefined, type: string) =>
      schema?.find((k) => k.KeyType === type)?.AttributeName ?? '';
    return definitionSignature({
      partitionKey: keyOf(Table?.KeySchema, 'HASH'),
      sortKey: keyOf(Table?.KeySchema, 'RANGE'),
      indexes: (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
        name: index.IndexName ?? '',
        partitionKey: keyOf(index.KeySchema, 'HASH'),
        sortKey: keyOf(index.KeySchema, 'RANGE'),
      })),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** Creating and deleting a table is asynchronous (also in dynalite): wait until it is done. */
export async function waitForTable(
  client: DynamoDBClient,
  name: string,
  state: 'active' | 'gone',
): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt++) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
      if (state === 'active' && Table?.TableStatus === 'ACTIVE') return;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceNotFoundException')) throw error;
      if (state === 'gone') return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Table ${name} did not become ${state}`);
}

async function createTable(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  await client.send(new CreateTableCommand(input));
  await waitForTable(client, input.TableName as string, 'active');
}

async function deleteTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
  await waitForTable(client, name, 'gone');
}

async function tableExists(client: DynamoDBClient, name: string): Promise<boolean> {
  const { TableNames } = await client.send(new ListTablesCommand({}));
  return (TableNames ?? []).includes(name);
}

async function copyItems(
  client: DynamoDBClient,
  from: string,
  to: string,
  include: (item: Record<string, unknown>) => boolean = () => true,
): Promise<number> {
  const doc = DynamoDBDocumentClient.from(client);
  let copied = 0;
  for await (const page of eachResultPage((start) =>
    doc.send(new ScanCommand({ TableName: from, ExclusiveStartKey: start })),
  )) {
    const items = (page.Items ?? []).filter(include);
    for (let i = 0; i < items.length; i += 25) {
      let requests: Record<string, unknown[]> | undefined = {
        [to]: items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: item } })),
      };
      while (requests && Object.keys(requests).length > 0) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: requests as never }));
        requests = result.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
    copied += items.length;
  }
  return copied;
}

export type EnsureTableResult = 'created' | 'unchanged' | 'recreated';

const copyCompleteMarker = { pk: '__KOHTAAMO_RECREATE__', sk: 'COPY_COMPLETE' };

async function hasCompleteCopy(client: DynamoDBClient, holding: string): Promise<boolean> {
  const doc = DynamoDBDocumentClient.from(client);
  const { Item } = await doc.send(new GetCommand({ TableName: holding, Key: copyCompleteMarker }));
  return Item !== undefined;
}

/**
 * Creates the table from the definition, or, when the live table's keys or indexes differ
 * (dynalite cannot build a new index), copies the items aside, recreates the table and copies
 * them back. The holding copy is marked complete before the original is deleted, so an
 * interrupted run either starts again (copy incomplete, original intact) or resumes from the copy.
 */
export async function ensureTable(
  client: DynamoDBClient,
  name: string,
  definition: TableDefinition = currentDefinition,
): Promise<EnsureTableResult> {
  const holding = `${name}-recreate-copy`;
  if (await tableExists(client, holding)) {
    if (await hasCompleteCopy(client, holding)) {
      await restoreFromHolding(client, holding, name, definition);
      return 'recreated';
    }
    await deleteTable(client, holding);
  }
  const live = await liveSignature(client, name);
  if (live === undefined) {
    await createTable(client, createTableInput(name, definition));
    return 'created';
  }
  if (live === definitionSignature(definition)) return 'unchanged';
  await createTable(client, {
    ...createTableInput(holding, definition),
    GlobalSecondaryIndexes: undefined,
    AttributeDefinitions: [
      { AttributeName: definition.partitionKey, AttributeType: 'S' },
      { AttributeName: definition.sortKey, AttributeType: 'S' },
    ],
  });
  await copyItems(client, name, holding);
  await DynamoDBDocumentClient.from(client).send(
    new PutCommand({ TableName: holding, Item: copyCompleteMarker }),
  );
  await restoreFromHolding(client, holding, name, definition);
  return 'recreated';
}

async function restoreFromHolding(
  client: DynamoDBClient,
  holding: string,
  name: string,
  definition: TableDefinition,
): Promise<void> {
  if (await tableExists(client, name)) await deleteTable(client, name);
  await createTable(client, createTableInput(name, definition));
  await copyItems(client, holding, name, (item) => item.pk !== copyCompleteMarker.pk);
  await deleteTable(client, holding);
}

// --- The endpoint file: how a CLI finds the server that `npm start` runs on a data directory.

export interface EndpointRecord {
  endpoint: string;
  pid: number;
}

export const ENDPOINT_FILE = 'dynamo-endpoint.json';

export async function writeEndpointFile(dir: string, record: EndpointRecord): Promise<void> {
  await writeFile(join(dir, ENDPOINT_FILE), JSON.stringify(record), { mode: 0o600 });
}

export async function removeEndpointFile(dir: string): Promise<void> {
  await rm(join(dir, ENDPOINT_FILE), { force: true });
}

/** The endpoint of a live server on this data directory, if one answers. */
export async function findRunningEndpoint(dir: string): Promise<string | undefined> {
  let record: EndpointRecord;
  try {
    record = JSON.parse(await readFile(join(dir, ENDPOINT_FILE), 'utf8')) as EndpointRecord;
  } catch {
    return undefined;
  }
  try {
    process.kill(record.pid, 0);
  } catch {
    return undefined;
  }
  try {
    const client = localClient(record.endpoint);
    await client.send(new ListTablesCommand({}));
    client.destroy();
    return record.endpoint;
  } catch {
    return undefined;
  }
}

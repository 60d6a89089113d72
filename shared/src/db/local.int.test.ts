import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../ids';
import {
  DataDirectoryBusyError,
  ENDPOINT_FILE,
  ensureTable,
  findRunningEndpoint,
  localClient,
  startLocalDynamo,
  waitForTable,
  writeEndpointFile,
} from './local';
import { tableDefinition, type TableDefinition } from './table';

const client = localClient(inject('dynamoEndpoint'));
const doc = DynamoDBDocumentClient.from(client);
const oneIndex: TableDefinition = { ...tableDefinition, indexes: tableDefinition.indexes.slice(0, 1) };

async function fillTable(name: string, count: number) {
  for (let i = 0; i < count; i++) {
    await doc.send(
      new PutCommand({
        TableName: name,
        Item: { pk: `P#${i}`, sk: 'X', gsi2pk: 'ALL', gsi2sk: String(i).padStart(3, '0') },
      }),
    );
  }
}

const temporaryDirs: string[] = [];
afterAll(async () => {
  client.destroy();
  await Promise.all(temporaryDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('local table from table.ts', () => {
  it('creates the table once, then reports it unchanged', async () => {
    const name = `ensure-${newId()}`;
    expect(await ensureTable(client, name)).toBe('created');
    expect(await ensureTable(client, name)).toBe('unchanged');
  });

  it('recreates the table with a new index and keeps every item, and the index works', async () => {
    const name = `recreate-${newId()}`;
    expect(await ensureTable(client, name, oneIndex)).toBe('created');
    await fillTable(name, 30);
    expect(await ensureTable(client, name)).toBe('recreated');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['gsi1', 'gsi2']);
    const all = await doc.send(new ScanCommand({ TableName: name }));
    expect(all.Items).toHaveLength(30);
    const viaNewIndex = await doc.send(
      new QueryCommand({
        TableName: name,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :all',
        ExpressionAttributeValues: { ':all': 'ALL' },
      }),
    );
    expect(viaNewIndex.Items).toHaveLength(30);
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).not.toContain(`${name}-recreate-copy`);
  });

  it('an interrupted copy (holding table without its completion mark) starts again from the original', async () => {
    const name = `interrupted-${newId()}`;
    await ensureTable(client, name, oneIndex);
    await fillTable(name, 10);
    // A crash while copying aside: the holding table is partial and unmarked.
    await client.send(
      new CreateTableCommand({
        TableName: `${name}-recreate-copy`,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    await waitForTable(client, `${name}-recreate-copy`, 'active');
    await doc.send(new PutCommand({ TableName: `${name}-recreate-copy`, Item: { pk: 'P#0', sk: 'X' } }));
    expect(await ensureTable(client, name)).toBe('recreated');
    expect((await doc.send(new ScanCommand({ TableName: name }))).Items).toHaveLength(10);
  });
});

describe('one process per data directory', () => {
  it('refuses a second engine on a directory in use, and finds the running one through its endpoint file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-dir-'));
    temporaryDirs.push(dir);
    const running = await startLocalDynamo({ dir });
    try {
      await expect(startLocalDynamo({ dir })).rejects.toBeInstanceOf(DataDirectoryBusyError);
      expect(await findRunningEndpoint(dir)).toBeUndefined();
      await writeEndpointFile(dir, { endpoint: running.endpoint, pid: process.pid });
      expect(await findRunningEndpoint(dir)).toBe(running.endpoint);
    } finally {
      await running.close();
    }
    // The engine is gone: the stale endpoint file is ignored.
    expect(await findRunningEndpoint(dir)).toBeUndefined();
  });

  it('makes the data directory private (0700) and writes the endpoint file 0600', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'kohtaamo-dir-'));
    temporaryDirs.push(parent);
    const fresh = join(parent, 'fresh');
    const older = join(parent, 'older');
    await startLocalDynamo({ dir: fresh }).then((engine) => engine.close());
    await mkdir(older);
    await chmod(older, 0o755);
    const engine = await startLocalDynamo({ dir: older });
    try {
      await writeEndpointFile(older, { endpoint: engine.endpoint, pid: process.pid });
      expect((await stat(fresh)).mode & 0o777).toBe(0o700);
      expect((await stat(older)).mode & 0o777).toBe(0o700);
      expect((await stat(join(older, ENDPOINT_FILE))).mode & 0o777).toBe(0o600);
    } finally {
      await engine.close();
    }
  });

  it('keeps the data on disk across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-dir-'));
    temporaryDirs.push(dir);
    const first = await startLocalDynamo({ dir });
    const firstClient = localClient(first.endpoint);
    await ensureTable(firstClient, 'kohtaamo-persist');
    await DynamoDBDocumentClient.from(firstClient).send(
      new PutCommand({ TableName: 'kohtaamo-persist', Item: { pk: 'A', sk: 'B', value: 'säilyy' } }),
    );
    firstClient.destroy();
    await first.close();
    const second = await startLocalDynamo({ dir });
    const secondClient = localClient(second.endpoint);
    try {
      expect(await ensureTable(secondClient, 'kohtaamo-persist')).toBe('unchanged');
      const all = await DynamoDBDocumentClient.from(secondClient).send(
        new ScanCommand({ TableName: 'kohtaamo-persist' }),
      );
      expect(all.Items).toEqual([{ pk: 'A', sk: 'B', value: 'säilyy' }]);
    } finally {
      secondClient.destroy();
      await second.close();
    }
  });
});

// A child process for the engine memory check (shared/src/db/local-memory.int.test.ts): dynalite on
// a fresh data directory and a client in one process, as `npm start` runs them, then a bounded
// loop of the app's request kinds (conditional put, consistent get, query, update), 10 at a time.
// Prints one JSON line with the heap (after a full GC) and resident size after warm-up and at the end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ensureTable, localClient, startLocalDynamo } from '../../shared/src/db/local';

const WARM_UP = 2_000;
const REQUESTS = Number(process.argv[2] ?? 10_000);
const TABLE = 'memory-probe';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function sample(): { heapMb: number; rssMb: number } {
  gc?.();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
}

const dir = await mkdtemp(join(tmpdir(), 'kohtaamo-memory-'));
const engine = await startLocalDynamo({ dir });
const client = localClient(engine.endpoint);
await ensureTable(client, TABLE);
const doc = DynamoDBDocumentClient.from(client);

async function request(k: number): Promise<void> {
  const pk = `WS#probe${k % 50}`;
  switch (k % 4) {
    case 0:
      await doc.send(
        new PutCommand({
          TableName: TABLE,
          Item: { pk, sk: `ITEM#${k}`, name: 'x'.repeat(500) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return;
    case 1:
      await doc.send(
        new GetCommand({ TableName: TABLE, Key: { pk, sk: `ITEM#${k - 1}` }, ConsistentRead: true }),
      );
      return;
    case 2:
      await doc.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          Limit: 25,
        }),
      );
      return;
    default:
      await doc.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: { pk, sk: 'SUMMARY' },
          UpdateExpression: 'ADD seen :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
  }
}

async function run(from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => request(i + j)));
  }
}

await run(0, WARM_UP);
const warm = sample();
await run(WARM_UP, REQUESTS);
const end = sample();
client.destroy();
await engine.close();
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify({ requests: REQUESTS, warm, end }));

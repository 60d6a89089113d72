// Starts the one in-memory dynalite that every integration test shares, with the table created
// from `table.ts`; tests find it through `inject('dynamoEndpoint')`.
import type { TestProject } from 'vitest/node';
import { ensureTable, localClient, startLocalDynamo } from '../../shared/src/db/local';

export const testTableName = 'kohtaamo-test';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startLocalDynamo();
  const client = localClient(dynamo.endpoint);
  await ensureTable(client, testTableName);
  client.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.close();
}

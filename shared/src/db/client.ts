// The DynamoDB document client and the context every store function receives.
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config';

export interface Db {
  doc: DynamoDBDocumentClient;
  table: string;
  /** Signs pagination cursors so they cannot be forged or moved to another list. */
  cursorSecret: string;
  now: () => Date;
}

export interface DbOptions {
  table: string;
  region: string;
  endpoint?: string | undefined;
  cursorSecret: string;
  maxAttempts?: number;
  now?: () => Date;
  /** Extra client settings: tests inject faults through middleware and shorten back-off. */
  clientConfig?: Partial<DynamoDBClientConfig>;
}

export function createDb(options: DbOptions): Db {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts ?? 4,
    ...(local
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...options.clientConfig,
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    doc,
    table: options.table,
    cursorSecret: options.cursorSecret,
    now: options.now ?? (() => new Date()),
  };
}

/**
 * The Db that the configuration describes: the one place the web server, the Lambdas and the
 * local commands build it. `endpoint` overrides the configured one (the local engine a command
 * started itself).
 */
export function dbFromConfig(
  config: Pick<
    Config,
    'KOHTAAMO_TABLE' | 'AWS_REGION' | 'KOHTAAMO_DYNAMODB_ENDPOINT' | 'KOHTAAMO_CURSOR_SECRET'
  >,
  overrides: { endpoint?: string } = {},
): Db {
  return createDb({
    table: config.KOHTAAMO_TABLE,
    region: config.AWS_REGION,
    endpoint: overrides.endpoint ?? config.KOHTAAMO_DYNAMODB_ENDPOINT,
    cursorSecret: config.KOHTAAMO_CURSOR_SECRET,
  });
}

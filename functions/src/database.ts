// The Db of a Lambda handler: configuration from the environment, made once per container.
import { loadConfig } from '@kohtaamo/shared/config';
import { createDb, type Db } from '@kohtaamo/shared/db/client';

let db: Db | undefined;

export function databaseFromEnvironment(): Db {
  if (!db) {
    const config = loadConfig(process.env);
    db = createDb({
      table: config.KOHTAAMO_TABLE,
      region: config.AWS_REGION,
      endpoint: config.KOHTAAMO_DYNAMODB_ENDPOINT,
      cursorSecret: config.KOHTAAMO_CURSOR_SECRET,
    });
  }
  return db;
}

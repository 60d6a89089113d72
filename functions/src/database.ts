// The Db of a Lambda handler: configuration from the environment, made once per container.
import { loadConfig } from '@kohtaamo/shared/config';
import { dbFromConfig, type Db } from '@kohtaamo/shared/db/client';

let db: Db | undefined;

export function databaseFromEnvironment(): Db {
  if (!db) {
    const config = loadConfig(process.env);
    db = dbFromConfig(config);
  }
  return db;
}

// Lambda (scheduled): removes expired sessions, one-time links and login throttle counters.
// DynamoDB TTL also removes them in AWS, but only within days; the app checks expiry in code.
import middy from '@middy/core';
import { loadConfig } from '@kohtaamo/shared/config';
import { createDb, type Db } from '@kohtaamo/shared/db/client';
import { sweepExpired, type SweepReport } from '@kohtaamo/shared/user/sweep-expired';
import { logErrorsSafely } from '../middleware/log-errors-safely';

let db: Db | undefined;
function database(): Db {
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

export const handler = middy()
  .use(logErrorsSafely('sweep-expired'))
  .handler((): Promise<SweepReport> => sweepExpired(database()));

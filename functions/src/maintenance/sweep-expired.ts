// Lambda (scheduled): removes expired sessions, one-time links and login throttle counters.
// DynamoDB TTL also removes them in AWS, but only within days; the app checks expiry in code.
import middy from '@middy/core';
import { sweepExpired, type SweepReport } from '@kohtaamo/shared/user/sweep-expired';
import { databaseFromEnvironment } from '../database';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export const handler = middy()
  .use(logErrorsSafely('sweep-expired'))
  .handler((): Promise<SweepReport> => sweepExpired(databaseFromEnvironment()));

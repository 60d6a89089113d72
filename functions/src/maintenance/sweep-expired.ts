// Lambda (scheduled): removes expired sessions, one-time links and login throttle counters.
// DynamoDB TTL also removes them in AWS, but only within days; the app checks expiry in code.
// The schedule sends an empty object; any other event is refused (ValidationError).
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Db } from '@kohtaamo/shared/db/client';
import { sweepExpired, type SweepReport } from '@kohtaamo/shared/user/sweep-expired';
import { parseInput } from '@kohtaamo/shared/validation';
import { databaseFromEnvironment } from '../database';
import { emptyScheduledEventSchema } from '../events.schema';
import { lambdaLogger } from '../lambda-logger';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export function createSweepHandler(deps: { db: () => Db; logger?: Logger }) {
  const logger = deps.logger ?? lambdaLogger('sweep-expired');
  return middy()
    .use(injectLambdaContext(logger))
    .use(logErrorsSafely({ logger }))
    .handler(async (event: unknown): Promise<SweepReport> => {
      parseInput(emptyScheduledEventSchema, event);
      const removed = await sweepExpired(deps.db());
      // Counts only: what was removed, never whose.
      logger.info('sweep done', { removed });
      return removed;
    });
}

export const handler = createSweepHandler({ db: databaseFromEnvironment });

// Lambda (SNS subscription of the SES configuration set's bounce and complaint events): records
// each address that bounced permanently or complained, so no Kohtaamo mail goes to it again.
// Logs counts only, never an address. A malformed event is refused (ValidationError) and SNS
// retries it; a notification that is not a bounce or complaint is counted and skipped.
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Db } from '@kohtaamo/shared/db/client';
import { suppressionsFromNotification } from '@kohtaamo/shared/mail/ses-notification';
import { recordSuppression } from '@kohtaamo/shared/mail/mail-suppression.store';
import { parseInput } from '@kohtaamo/shared/validation';
import { snsEventSchema } from '../events.schema';
import { lambdaLogger } from '../lambda-logger';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export interface MailEventsReport {
  notifications: number;
  bounces: number;
  complaints: number;
  /** Notifications that suppress nothing (transient bounces, deliveries, other JSON). */
  ignored: number;
}

export function createMailEventsHandler(deps: { db: () => Db; logger?: Logger }) {
  const logger = deps.logger ?? lambdaLogger('mail-events');
  return middy()
    .use(injectLambdaContext(logger))
    .use(logErrorsSafely({ logger }))
    .handler(async (event: unknown): Promise<MailEventsReport> => {
      const { Records } = parseInput(snsEventSchema, event);
      const report: MailEventsReport = { notifications: 0, bounces: 0, complaints: 0, ignored: 0 };
      for (const record of Records) {
        report.notifications++;
        const notices = suppressionsFromNotification(record.Sns.Message);
        if (notices.length === 0) report.ignored++;
        for (const notice of notices) {
          await recordSuppression(deps.db(), notice.address, notice.reason);
          if (notice.reason === 'bounce') report.bounces++;
          else report.complaints++;
        }
      }
      logger.info('mail events recorded', { report });
      return report;
    });
}

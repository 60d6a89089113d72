// Lambda (EventBridge Scheduler, daily 07:00 Europe/Helsinki): e-mails each staff member a digest
// of overdue and today's follow-ups. Counts go to the log and to CloudWatch metrics (DigestsStuck
// and DigestsFailed raise alarms); a run with refused messages fails, so the scheduler retries it
// and only the refused ones are sent again.
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Db } from '@kohtaamo/shared/db/client';
import type { Mailer } from '@kohtaamo/shared/reminders/mailer';
import { sendReminders, type ReminderReport } from '@kohtaamo/shared/reminders/send-reminders';
import { parseInput } from '@kohtaamo/shared/validation';
import { z } from 'zod';
import { lambdaLogger } from '../lambda-logger';
import { logErrorsSafely } from '../middleware/log-errors-safely';

/** The input the schedule sends (fixed in infra/constructs/schedules.ts); anything else is refused. */
export const reminderEventSchema = z.object({
  kind: z.literal('daily-reminders'),
  dryRun: z.boolean().optional(),
});

export const reminderConfigSchema = z.object({
  KOHTAAMO_MAIL_FROM: z.string().min(3),
  KOHTAAMO_SITE_URL: z.url({ protocol: /^https?$/ }),
  /** The SES configuration set that publishes bounces and complaints (set by the stack). */
  KOHTAAMO_SES_CONFIGURATION_SET: z.string().min(1).max(64).optional(),
});

export class RemindersRefusedError extends Error {
  constructor(count: number) {
    super(`${count} reminder e-mails were refused by the mail service`);
    this.name = 'RemindersRefusedError';
  }
}

export interface RemindersDeps {
  db: () => Db;
  mailer: () => Mailer;
  siteUrl: string;
  logger?: Logger;
  metrics?: Metrics;
}

export function createRemindersHandler(deps: RemindersDeps) {
  const logger = deps.logger ?? lambdaLogger('reminders');
  const metrics = deps.metrics ?? new Metrics({ namespace: 'Kohtaamo', serviceName: 'reminders' });
  return middy()
    .use(injectLambdaContext(logger))
    .use(logMetrics(metrics))
    .use(logErrorsSafely({ logger }))
    .handler(async (event: unknown): Promise<ReminderReport> => {
      const input = parseInput(reminderEventSchema, event);
      const report = await sendReminders(deps.db(), deps.mailer(), {
        siteUrl: deps.siteUrl,
        dryRun: input.dryRun ?? false,
      });
      metrics.addMetric('DigestsSent', MetricUnit.Count, report.sent);
      metrics.addMetric('DigestsStuck', MetricUnit.Count, report.stuck);
      metrics.addMetric('DigestsFailed', MetricUnit.Count, report.failed);
      // Counts only: no names or addresses in logs.
      logger.info('reminders run', { report });
      if (report.failed > 0) throw new RemindersRefusedError(report.failed);
      return report;
    });
}

// The mailer the configuration names, made in this one place so that it can be wrapped (e.g. by a
// suppression list of bounced addresses) without touching its callers: the outbox folder
// locally, SES in AWS, or none, in which case flows that must send mail refuse to start.
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../config';
import { outboxMailer, type Mailer } from './mailer';
import { sesMailer } from './ses-mailer';

/** The sender locally when none is configured (the outbox is never delivered anywhere). */
export const LOCAL_MAIL_FROM = 'kohtaamo@localhost';

export type MailerKind = 'outbox' | 'ses' | 'none';

/** Which mailer the configuration means: an explicit KOHTAAMO_MAILER, else outbox locally, none in AWS. */
export function mailerKind(
  config: Pick<Config, 'KOHTAAMO_MAILER' | 'KOHTAAMO_DYNAMODB_ENDPOINT'>,
): MailerKind {
  return config.KOHTAAMO_MAILER ?? (config.KOHTAAMO_DYNAMODB_ENDPOINT ? 'outbox' : 'none');
}

/** The configured mailer, or undefined when none is configured. */
export function mailerFromConfig(config: Config): Mailer | undefined {
  switch (mailerKind(config)) {
    case 'outbox':
      return outboxMailer(
        join(config.KOHTAAMO_DATA_DIR, 'outbox'),
        config.KOHTAAMO_MAIL_FROM ?? LOCAL_MAIL_FROM,
      );
    case 'ses':
      // The configuration check guarantees a sender with `ses`.
      return sesMailer(
        new SESv2Client({ region: config.AWS_REGION, maxAttempts: 5 }),
        config.KOHTAAMO_MAIL_FROM as string,
        config.KOHTAAMO_SES_CONFIGURATION_SET,
      );
    case 'none':
      return undefined;
  }
}

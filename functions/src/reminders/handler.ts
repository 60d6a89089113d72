// Lambda entry of the daily reminders: configuration from the environment, SES as the mailer.
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { databaseFromEnvironment } from '../database';
import { reminderConfigSchema, createRemindersHandler } from './reminders-handler';
import { sesMailer } from '@kohtaamo/shared/reminders/ses-mailer';

const config = reminderConfigSchema.parse(process.env);
const ses = new SESv2Client({ maxAttempts: 5 });

export const handler = createRemindersHandler({
  db: databaseFromEnvironment,
  mailer: () => sesMailer(ses, config.KOHTAAMO_MAIL_FROM, config.KOHTAAMO_SES_CONFIGURATION_SET),
  siteUrl: config.KOHTAAMO_SITE_URL,
});

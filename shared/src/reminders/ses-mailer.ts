// The SES adapter of the Mailer port, used by the reminders function and the web function. The
// SDK retries throttling by itself; an error the service answered means the message was not sent
// (MailRejectedError), while a timeout or a broken connection leaves the outcome unknown and is
// rethrown as it is.
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { MailRejectedError, type Mailer } from './mailer';

function answeredByService(error: unknown): error is Error {
  const status = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
  return error instanceof Error && typeof status === 'number' && status >= 400;
}

/**
 * `configurationSet` names the SES configuration set whose bounce and complaint events reach the
 * mail-events function (the stack creates it); without one SES publishes no events.
 */
export function sesMailer(
  client: Pick<SESv2Client, 'send'>,
  from: string,
  configurationSet?: string,
): Mailer {
  return {
    async send(message) {
      try {
        await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
              },
            },
          }),
        );
      } catch (error) {
        if (answeredByService(error)) throw new MailRejectedError(error.name);
        throw error;
      }
    },
  };
}

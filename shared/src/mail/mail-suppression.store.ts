// Addresses Kohtaamo no longer sends to (pattern 33): one global item per address that bounced
// permanently or complained, keyed by the e-mail hash (no address is stored), recorded from SES
// notifications. Every mailer Kohtaamo builds goes through `suppressingMailer`, so reminders,
// invitations and password notices all skip them.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { MailRejectedError, type Mailer } from '../reminders/mailer';
import { emailHash } from '../user/user.store';
import type { SuppressionReason } from './ses-notification';

export const SUPPRESSION_SCHEMA_VERSION = 1;

export interface MailSuppression {
  sv: number;
  reason: SuppressionReason;
  /** The first notification that suppressed the address. */
  firstAt: string;
  lastAt: string;
  /** Notifications received for the address (SES may repeat one). */
  notices: number;
}

/**
 * Records that `address` bounced or complained. Repeats only count; a complaint outranks an
 * earlier bounce (it is the stronger "stop"). One single-item update: retried SNS deliveries
 * cannot corrupt it.
 */
export async function recordSuppression(db: Db, address: string, reason: SuppressionReason): Promise<void> {
  const now = db.now().toISOString();
  const complaint = reason === 'complaint';
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.mailSuppression(emailHash(address)),
        UpdateExpression:
          'SET #type = :type, sv = :sv, firstAt = if_not_exists(firstAt, :now), lastAt = :now, ' +
          (complaint ? 'reason = :reason ' : 'reason = if_not_exists(reason, :reason) ') +
          'ADD notices :one',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'mailSuppression',
          ':sv': SUPPRESSION_SCHEMA_VERSION,
          ':now': now,
          ':reason': reason,
          ':one': 1,
        },
      }),
    ),
  );
}

export async function getSuppression(db: Db, address: string): Promise<MailSuppression | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.mailSuppression(emailHash(address)),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? stripKeys<MailSuppression>(result.Item) : undefined;
}

/** A message not sent because its address bounced or complained before: final, never retried. */
export class MailSuppressedError extends MailRejectedError {
  constructor(readonly suppression: SuppressionReason) {
    super(`suppressed after a ${suppression}`);
    this.name = 'MailSuppressedError';
  }
}

/** The mailer, except that an address on the suppression list throws `MailSuppressedError`. */
export function suppressingMailer(db: Db, mailer: Mailer): Mailer {
  return {
    async send(message) {
      const suppression = await getSuppression(db, message.to);
      if (suppression) throw new MailSuppressedError(suppression.reason);
      await mailer.send(message);
    },
  };
}

// Data access for reminder digests (pattern 21): one record per user per Helsinki day, claimed
// as `pending` before the e-mail goes out and marked `sent` after, so a retried run never sends
// twice. A record left `pending` means a send whose outcome is unknown: it is never resent
// automatically, it is reported (an alarm in AWS). A `failed` send may be claimed again.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';

export const DIGEST_SCHEMA_VERSION = 1;
/** Digest records are kept for a while as a record of what was sent, then expire. */
const KEEP_DAYS = 90;

/** `suppressed`: not sent because the address bounced or complained before (final for the day). */
export type DigestStatus = 'pending' | 'sent' | 'failed' | 'suppressed';

export interface DigestRecord {
  sv: number;
  workspaceId: string;
  date: string;
  userId: string;
  status: DigestStatus;
  attempts: number;
  updatedAt: string;
}

export type ClaimResult = 'claimed' | 'already-sent' | 'stuck-pending';

function ttl(db: Db): number {
  return Math.ceil(db.now().getTime() / 1000) + KEEP_DAYS * 24 * 3600;
}

export async function getDigestRecord(
  db: Db,
  workspaceId: string,
  date: string,
  userId: string,
): Promise<DigestRecord | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.digest(workspaceId, date, userId),
        ConsistentRead: true,
      }),
    ),
  );
  return result.Item ? stripKeys<DigestRecord>(result.Item) : undefined;
}

/** Claims the day's digest of a user for sending: a new record, or a failed one tried again. */
export async function claimDigest(
  db: Db,
  workspaceId: string,
  date: string,
  userId: string,
): Promise<ClaimResult> {
  const now = db.now().toISOString();
  const record: DigestRecord = {
    sv: DIGEST_SCHEMA_VERSION,
    workspaceId,
    date,
    userId,
    status: 'pending',
    attempts: 1,
    updatedAt: now,
  };
  try {
    await run(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.digest(workspaceId, date, userId), type: 'digest', ...record, ttl: ttl(db) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.digest(workspaceId, date, userId),
          UpdateExpression: 'SET #status = :pending, attempts = attempts + :one, updatedAt = :now',
          ConditionExpression: '#status = :failed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':failed': 'failed', ':one': 1, ':now': now },
        }),
      ),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
  const existing = await getDigestRecord(db, workspaceId, date, userId);
  // Settled earlier today: sent, or skipped for a suppressed address.
  return existing?.status === 'sent' || existing?.status === 'suppressed' ? 'already-sent' : 'stuck-pending';
}

async function settle(db: Db, workspaceId: string, date: string, userId: string, status: DigestStatus) {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.digest(workspaceId, date, userId),
        UpdateExpression: 'SET #status = :status, updatedAt = :now',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':pending': 'pending',
          ':now': db.now().toISOString(),
        },
      }),
    ),
  );
}

export const markDigestSent = (db: Db, workspaceId: string, date: string, userId: string) =>
  settle(db, workspaceId, date, userId, 'sent');

/** The address is on the suppression list: nothing went out, and no run tries again today. */
export const markDigestSuppressed = (db: Db, workspaceId: string, date: string, userId: string) =>
  settle(db, workspaceId, date, userId, 'suppressed');

/** The e-mail service refused the message: nothing went out, a later run may try again. */
export const markDigestFailed = (db: Db, workspaceId: string, date: string, userId: string) =>
  settle(db, workspaceId, date, userId, 'failed');

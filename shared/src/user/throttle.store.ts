// Login throttling (pattern 16): failed attempts are counted per account and per client address
// in fixed windows. The counter's key is a hash of (kind, value, window), so no address or e-mail
// is stored, and a new window simply starts a new counter.
import { createHash } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGetAll, run } from '../db/operations';
import { keys } from '../db/table';
import { TooManyRequestsError } from '../errors';

export interface ThrottleRule {
  /** What is counted: 'account' (by e-mail), 'address' (by client address), or public feedback. */
  kind: 'account' | 'address' | 'feedback-address' | 'feedback-event';
  value: string;
  /** Failures allowed in one window; the next attempt is refused until the window ends. */
  limit: number;
  windowSeconds: number;
}

export const loginLimits = {
  perAccount: { limit: 20, windowSeconds: 15 * 60 },
  /** Higher: several people may share an office address. */
  perAddress: { limit: 100, windowSeconds: 15 * 60 },
} as const;

function counterKey(rule: ThrottleRule, now: Date): { key: { pk: string; sk: string }; windowEnds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const window = Math.floor(now.getTime() / windowMs);
  const hash = createHash('sha256')
    .update(`${rule.kind}:${rule.value}:${rule.windowSeconds}:${window}`)
    .digest('hex');
  return { key: keys.throttle(hash), windowEnds: (window + 1) * windowMs };
}

/** Throws TooManyRequestsError when any rule's counter has reached its limit in this window. */
export async function assertNotThrottled(db: Db, rules: readonly ThrottleRule[]): Promise<void> {
  const now = db.now();
  const counters = rules.map((rule) => ({ rule, ...counterKey(rule, now) }));
  const items = await batchGetAll(
    db,
    counters.map((counter) => counter.key),
  );
  for (const counter of counters) {
    const item = items.find((candidate) => candidate['pk'] === counter.key.pk);
    if (Number(item?.['count'] ?? 0) >= counter.rule.limit) {
      throw new TooManyRequestsError((counter.windowEnds - now.getTime()) / 1000);
    }
  }
}

/** Public feedback: per address and event (a few people share an address), and per event. */
export const feedbackLimits = {
  perAddress: { limit: 10, windowSeconds: 15 * 60 },
  perEvent: { limit: 300, windowSeconds: 60 * 60 },
} as const;

/** Counts one attempt (a failed login, a feedback sent) against every rule. */
export async function recordFailure(db: Db, rules: readonly ThrottleRule[]): Promise<void> {
  const now = db.now();
  await Promise.all(
    rules.map((rule) => {
      const { key, windowEnds } = counterKey(rule, now);
      return run(() =>
        db.doc.send(
          new UpdateCommand({
            TableName: db.table,
            Key: key,
            UpdateExpression: 'SET #type = :type, expiresAt = :expiresAt, #ttl = :ttl ADD #count :one',
            ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl', '#count': 'count' },
            ExpressionAttributeValues: {
              ':type': 'throttle',
              ':expiresAt': new Date(windowEnds).toISOString(),
              ':ttl': Math.ceil(windowEnds / 1000),
              ':one': 1,
            },
          }),
        ),
      );
    }),
  );
}

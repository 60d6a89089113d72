// Throttling (pattern 16): attempts are counted per rule (an account, a client address, a feedback
// link's address or event, a single-use stamp) in rolling windows, atomically and BEFORE the work
// they guard. One item per rule holds a GCRA counter (the generic cell rate algorithm, a token bucket
// kept as one time stamp): `tat` is the time at which the rule would be back to zero attempts. An
// attempt is one conditional UpdateItem that moves `tat` on by `window / limit` and refuses when that
// would go past `now + window`, so `limit` attempts may come at once and then one per `window / limit`.
// Parallel attempts cannot all pass a check made before any of them is counted (dynalite has no
// transactions; each rule is its own single-item write). The key is a hash of (kind, value, window),
// so no address or e-mail is stored.
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { run, updateIf } from '../db/operations';
import { keys } from '../db/table';
import { TooManyRequestsError } from '../errors';

export interface ThrottleRule {
  /**
   * What is counted: 'account' (by e-mail, from clients it does not know), 'account-device' (by
   * e-mail and a device that logged in before), 'address' (by client address, across accounts),
   * public feedback per address and event, a feedback form's single-use stamp, and a calendar feed
   * address (by its token hash: calendar services fetch from shared addresses).
   */
  kind:
    | 'account'
    | 'account-device'
    | 'address'
    | 'password-change'
    | 'feedback-address'
    | 'feedback-event'
    | 'feedback-stamp'
    | 'calendar-feed';
  value: string;
  /** Attempts allowed at once; after them, one more per `windowSeconds / limit`. */
  limit: number;
  windowSeconds: number;
}

export type Limit = Pick<ThrottleRule, 'limit' | 'windowSeconds'>;
export type LoginLimits = Record<'perAccount' | 'perAccountDevice' | 'perAddress', Limit>;

/**
 * Login limits. A successful login gives its own attempt back (so only failures count), nothing
 * more: an attacker's successful logins to an account of their own never buy guesses elsewhere.
 */
export const loginLimits = {
  /** Per account, for clients that have not logged in to it before (they share this counter). */
  perAccount: { limit: 20, windowSeconds: 15 * 60 },
  /** Per account and device that has logged in before: others' guesses cannot lock it out. */
  perAccountDevice: { limit: 20, windowSeconds: 15 * 60 },
  /** Per client address across accounts (password spraying). Higher: an office may share an address. */
  perAddress: { limit: 100, windowSeconds: 15 * 60 },
} as const satisfies LoginLimits;

/** "Change my password" checks the current one: a few tries per account, counted before the check. */
export const passwordChangeLimit = { limit: 5, windowSeconds: 15 * 60 } as const;

/** Public feedback: per address and event (a few people share an address), and per event. */
export const feedbackLimits = {
  perAddress: { limit: 10, windowSeconds: 15 * 60 },
  perEvent: { limit: 300, windowSeconds: 60 * 60 },
} as const;

/** A calendar feed address: calendar services poll every few hours; a burst of retries still passes. */
export const calendarFeedLimit = { limit: 30, windowSeconds: 60 * 60 } as const;

/** What one attempt moves the counter by, and the counter's key. */
function counterOf(rule: ThrottleRule) {
  const windowMs = rule.windowSeconds * 1000;
  const hash = createHash('sha256').update(`${rule.kind}:${rule.value}:${rule.windowSeconds}`).digest('hex');
  return { key: keys.throttle(hash), windowMs, intervalMs: windowMs / rule.limit };
}

async function readTat(db: Db, key: { pk: string; sk: string }): Promise<number | undefined> {
  const { Item } = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true })),
  );
  const tat = Item?.['tat'];
  return typeof tat === 'number' ? tat : undefined;
}

const ROUNDS = 6;

/**
 * Counts one attempt against `rule`, or refuses it. Fails with TooManyRequestsError (with the
 * seconds until the next attempt would pass) when the rule is used up, or, after a few rounds of
 * losing races for the same counter, with the time of one attempt.
 */
export async function consumeAttempt(db: Db, rule: ThrottleRule): Promise<void> {
  const { key, windowMs, intervalMs } = counterOf(rule);
  const now = db.now().getTime();
  // Before this attempt `tat` may be at most `latest`; after it at most `now + window`.
  const latest = now + windowMs - intervalMs;
  const stamps = {
    ':expiresAt': new Date(now + windowMs).toISOString(),
    ':ttl': Math.ceil((now + windowMs) / 1000),
  };
  for (let round = 0; round < ROUNDS; round++) {
    const tat = await readTat(db, key);
    if (tat !== undefined && tat > latest) throw new TooManyRequestsError((tat - latest) / 1000);
    const applied =
      tat === undefined || tat < now
        ? // No counter, or one that has run down to zero: start anew from now.
          await updateIf(db, {
            Key: key,
            UpdateExpression: 'SET #type = :type, tat = :start, expiresAt = :expiresAt, #ttl = :ttl',
            ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
            ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':type': 'throttle',
              ':start': now + intervalMs,
              ':now': now,
              ...stamps,
            },
          })
        : // A running counter: the condition is checked with the increment, in one write.
          await updateIf(db, {
            Key: key,
            UpdateExpression: 'SET tat = tat + :interval, expiresAt = :expiresAt, #ttl = :ttl',
            ConditionExpression: 'tat BETWEEN :now AND :latest',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':interval': intervalMs, ':now': now, ':latest': latest, ...stamps },
          });
    if (applied) return;
    // Another attempt changed the counter between the read and the write: look again.
  }
  throw new TooManyRequestsError(intervalMs / 1000);
}

/** Gives back one attempt counted by consumeAttempt (e.g. the attempt of a successful login). */
export async function refundAttempt(db: Db, rule: ThrottleRule): Promise<void> {
  const { key, intervalMs } = counterOf(rule);
  // A counter moved below `now` reads as zero, so no lower bound is needed.
  await updateIf(db, {
    Key: key,
    UpdateExpression: 'SET tat = tat - :interval',
    ConditionExpression: 'attribute_exists(tat)',
    ExpressionAttributeValues: { ':interval': intervalMs },
  });
}

export interface ConsumedAttempts {
  /** Gives back the attempt on every rule (the work did not happen, or succeeded). */
  refund(): Promise<void>;
}

/**
 * Counts one attempt against every rule, in order, or none: when a rule refuses, the attempts
 * already counted on the others are given back, and its TooManyRequestsError is thrown.
 */
export async function consumeAttempts(db: Db, rules: readonly ThrottleRule[]): Promise<ConsumedAttempts> {
  const counted: ThrottleRule[] = [];
  const refund = async () => {
    await Promise.all(counted.map((rule) => refundAttempt(db, rule)));
  };
  try {
    for (const rule of rules) {
      await consumeAttempt(db, rule);
      counted.push(rule);
    }
  } catch (caught) {
    await refund();
    throw caught;
  }
  return { refund };
}

/**
 * Throws TooManyRequestsError when any rule is used up, without counting. Racy by nature (parallel
 * callers all pass before any counts): only for flows that have not moved to consumeAttempts yet.
 */
export async function assertNotThrottled(db: Db, rules: readonly ThrottleRule[]): Promise<void> {
  const now = db.now().getTime();
  for (const rule of rules) {
    const { key, windowMs, intervalMs } = counterOf(rule);
    const tat = await readTat(db, key);
    const latest = now + windowMs - intervalMs;
    if (tat !== undefined && tat > latest) throw new TooManyRequestsError((tat - latest) / 1000);
  }
}

/** Counts one attempt against every rule even past its limit (see assertNotThrottled). */
export async function recordFailure(db: Db, rules: readonly ThrottleRule[]): Promise<void> {
  const now = db.now().getTime();
  for (const rule of rules) {
    const { key, windowMs, intervalMs } = counterOf(rule);
    const stamps = {
      ':expiresAt': new Date(now + 2 * windowMs).toISOString(),
      ':ttl': Math.ceil((now + 2 * windowMs) / 1000),
    };
    for (let round = 0; round < ROUNDS; round++) {
      const moved =
        (await updateIf(db, {
          Key: key,
          UpdateExpression: 'SET tat = tat + :interval, expiresAt = :expiresAt, #ttl = :ttl',
          ConditionExpression: 'tat >= :now',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':interval': intervalMs, ':now': now, ...stamps },
        })) ||
        (await updateIf(db, {
          Key: key,
          UpdateExpression: 'SET #type = :type, tat = :start, expiresAt = :expiresAt, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(tat) OR tat < :now',
          ExpressionAttributeNames: { '#type': 'type', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':type': 'throttle',
            ':start': now + intervalMs,
            ':now': now,
            ...stamps,
          },
        }));
      if (moved) break;
    }
  }
}

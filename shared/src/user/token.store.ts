// One-time tokens (pattern 16): invitations, password resets and the first admin's setup link.
// Only the token's hash is stored; using a token is a conditional write, so it works once.
import { localised } from '../i18n/messages';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { isConditionalFailure, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { NotFoundError } from '../errors';
import type { Role } from './user.schema';
import { isWellFormedToken, newToken, tokenHash } from './session.store';

export const TOKEN_SCHEMA_VERSION = 1;

export const tokenLifetimes = {
  invite: 7 * 24 * 3600,
  reset: 24 * 3600,
  setup: 7 * 24 * 3600,
} as const;

export type TokenPurpose = keyof typeof tokenLifetimes;

export interface OneTimeToken {
  sv: number;
  purpose: TokenPurpose;
  workspaceId: string;
  /** invite: the role the new member gets; setup: always admin. */
  role?: Role;
  /** invite: the invited address (removed with the token when it expires or is swept). */
  email?: string;
  /** reset: whose password is reset. */
  userId?: string;
  /**
   * reset: the user's sessionEpoch when the link was made; the link is void once the epoch moves
   * on (a newer reset, a password change, "log out everywhere").
   */
  epoch?: number;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  ttl: number;
  usedAt?: string;
}

export const tokenNotValid = new NotFoundError(localised('tokenStore.theLinkHasExpiredOr'));

/** Creates a one-time token; only its hash is stored. Fails only on a database error. */

export async function createOneTimeToken(
  db: Db,
  input: Pick<OneTimeToken, 'purpose' | 'workspaceId' | 'role' | 'email' | 'userId' | 'epoch' | 'createdBy'>,
): Promise<{ token: string; record: OneTimeToken }> {
  const token = newToken();
  const now = db.now();
  const expires = new Date(now.getTime() + tokenLifetimes[input.purpose] * 1000);
  const record: OneTimeToken = {
    sv: TOKEN_SCHEMA_VERSION,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    purpose: input.purpose,
    workspaceId: input.workspaceId,
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
    ttl: Math.ceil(expires.getTime() / 1000),
  };
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.token(tokenHash(token)), type: 'token', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  return { token, record };
}

/** A token that can still be used, for showing its page; throws when expired, used or unknown. */
export async function peekOneTimeToken(db: Db, token: unknown, purpose: TokenPurpose): Promise<OneTimeToken> {
  if (!isWellFormedToken(token)) throw tokenNotValid;
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.token(tokenHash(token)), ConsistentRead: true }),
    ),
  );
  const record = result.Item ? stripKeys<OneTimeToken>(result.Item) : undefined;
  if (!record || record.purpose !== purpose || record.usedAt || record.expiresAt <= db.now().toISOString()) {
    throw tokenNotValid;
  }
  return record;
}

/** Uses the token: of two concurrent uses, exactly one succeeds. */
export async function useOneTimeToken(db: Db, token: unknown, purpose: TokenPurpose): Promise<OneTimeToken> {
  if (!isWellFormedToken(token)) throw tokenNotValid;
  const now = db.now().toISOString();
  try {
    const result = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.token(tokenHash(token)),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression:
            'attribute_exists(pk) AND purpose = :purpose AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': now, ':purpose': purpose },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return stripKeys<OneTimeToken>(result.Attributes ?? {});
  } catch (error) {
    if (isConditionalFailure(error)) throw tokenNotValid;
    throw error;
  }
}

// Sessions (pattern 15): a random 256-bit token goes to the browser, only its SHA-256 hash is
// stored. Idle and absolute timeouts are checked here in code (dynalite has no TTL; in AWS the
// `ttl` attribute lets DynamoDB remove them too, and the sweeper removes them everywhere).
// The idle timeout counts from the last request: lastSeenAt is written at most once per touch
// interval, so the real last request lies less than one interval after it, and a session ends only
// when lastSeenAt + idle + interval has passed (never earlier than configured, at most 1% later).
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { keys, stripKeys } from '../db/table';

export const SESSION_SCHEMA_VERSION = 1;

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleSeconds: number;
  /** A session ends this long after login, however busy. */
  absoluteSeconds: number;
}

export const defaultSessionPolicy: SessionPolicy = { idleSeconds: 8 * 3600, absoluteSeconds: 7 * 24 * 3600 };
/**
 * lastSeenAt is written at most this often, so reading pages does not write on every request:
 * a hundredth of the idle timeout, at most 5 minutes (3 s at the 5-minute minimum).
 */
export function touchIntervalMs(policy: SessionPolicy): number {
  return Math.min(5 * 60 * 1000, policy.idleSeconds * 10);
}

/** When a session last seen at `lastSeen` ends if unused: the last request was at most one touch interval later. */
function idleEndsAt(lastSeen: Date, policy: SessionPolicy): Date {
  return new Date(lastSeen.getTime() + policy.idleSeconds * 1000 + touchIntervalMs(policy));
}

export interface Session {
  sv: number;
  userId: string;
  /** The workspace the user is working in; chosen after login when they have several. */
  workspaceId?: string;
  /** The user's sessionEpoch at login: raising the user's epoch ends this session. */
  epoch: number;
  createdAt: string;
  lastSeenAt: string;
  absoluteExpiresAt: string;
  /** When the session ends if unused (the earlier of idle and absolute expiry). */
  expiresAt: string;
  /** expiresAt in epoch seconds, for DynamoDB TTL in AWS. */
  ttl: number;
}

/** A new random token: 32 bytes (256 bits), base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens from outside are checked for shape before they are hashed and looked up. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

function expiry(
  lastSeen: Date,
  absoluteExpiresAt: Date,
  policy: SessionPolicy,
): { expiresAt: string; ttl: number } {
  const idle = idleEndsAt(lastSeen, policy);
  const ends = idle < absoluteExpiresAt ? idle : absoluteExpiresAt;
  return { expiresAt: ends.toISOString(), ttl: Math.ceil(ends.getTime() / 1000) };
}

export async function createSession(
  db: Db,
  input: { userId: string; epoch: number; workspaceId?: string | undefined },
  policy: SessionPolicy = defaultSessionPolicy,
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const now = db.now();
  const absolute = new Date(now.getTime() + policy.absoluteSeconds * 1000);
  const session: Session = {
    sv: SESSION_SCHEMA_VERSION,
    userId: input.userId,
    ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
    epoch: input.epoch,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    absoluteExpiresAt: absolute.toISOString(),
    ...expiry(now, absolute, policy),
  };
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.session(tokenHash(token)), type: 'session', ...session },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  return { token, session };
}

/**
 * The live session for a token, or undefined when there is none or it has expired (an expired
 * one is deleted on sight). Refreshes lastSeenAt now and then.
 */
export async function findSession(
  db: Db,
  token: string,
  policy: SessionPolicy = defaultSessionPolicy,
): Promise<Session | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const key = keys.session(tokenHash(token));
  const result = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: key, ConsistentRead: true })),
  );
  if (!result.Item) return undefined;
  const session = stripKeys<Session>(result.Item);
  const now = db.now();
  const idleEnds = idleEndsAt(new Date(session.lastSeenAt), policy);
  if (now >= idleEnds || now >= new Date(session.absoluteExpiresAt)) {
    await run(() => db.doc.send(new DeleteCommand({ TableName: db.table, Key: key })));
    return undefined;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) >= touchIntervalMs(policy)) {
    const next = expiry(now, new Date(session.absoluteExpiresAt), policy);
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: 'SET lastSeenAt = :now, expiresAt = :expiresAt, #ttl = :ttl',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':expiresAt': next.expiresAt,
            ':ttl': next.ttl,
          },
        }),
      ),
    ).catch(() => undefined); // Logged out in the meantime: the next request will see it.
    return { ...session, lastSeenAt: now.toISOString(), ...next };
  }
  return session;
}

export async function setSessionWorkspace(db: Db, token: string, workspaceId: string): Promise<void> {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.session(tokenHash(token)),
        UpdateExpression: 'SET workspaceId = :ws',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':ws': workspaceId },
      }),
    ),
  );
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await run(() =>
    db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.session(tokenHash(token)) })),
  );
}

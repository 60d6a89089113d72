// Calendar feed addresses (pattern 39): a user's private ICS address per workspace. The address
// carries a random 256-bit token; only its SHA-256 hash is stored, in a global lookup item
// (CALFEED#<hash> → workspace and user) and in the user's own feed item (WS#w#CALFEEDS, USER#u),
// which remembers the current hash and the user's session epoch. A feed answers only while the
// two agree, the epoch is still the user's (a password reset, a password change and "log out
// everywhere" move it on) and the membership is active: every way of stopping it stops it at once.
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGetAll, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { isWellFormedToken, newToken, tokenHash } from '../user/session.store';
import type { User, WorkspaceMember } from '../user/user.schema';

export const CALENDAR_FEED_SCHEMA_VERSION = 1;

export interface CalendarFeedOfUser {
  sv: number;
  workspaceId: string;
  userId: string;
  tokenHash: string;
  /** The user's sessionEpoch when the address was made; the address stops once it moves on. */
  epoch: number;
  createdAt: string;
}

interface CalendarFeedLookup {
  sv: number;
  workspaceId: string;
  userId: string;
  createdAt: string;
}

async function deleteLookup(db: Db, hash: string): Promise<void> {
  await run(() => db.doc.send(new DeleteCommand({ TableName: db.table, Key: keys.calendarFeed(hash) })));
}

/**
 * Turns the user's feed in the workspace on with a new address, or gives it a new one: the old
 * address stops at once (its lookup is deleted, and it no longer matches the user's feed item
 * even if that delete were lost). Returns the new token, which is never stored. Fails only on a
 * database error.
 */
export async function turnOnCalendarFeed(
  db: Db,
  workspaceId: string,
  user: Pick<User, 'id' | 'sessionEpoch'>,
): Promise<string> {
  const token = newToken();
  const hash = tokenHash(token);
  const createdAt = db.now().toISOString();
  const lookup: CalendarFeedLookup = {
    sv: CALENDAR_FEED_SCHEMA_VERSION,
    workspaceId,
    userId: user.id,
    createdAt,
  };
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.calendarFeed(hash), type: 'calendarFeed', ...lookup },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
  const feed: CalendarFeedOfUser = { ...lookup, tokenHash: hash, epoch: user.sessionEpoch };
  const previous = await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.calendarFeedOfUser(workspaceId, user.id), type: 'calendarFeedOfUser', ...feed },
        ReturnValues: 'ALL_OLD',
      }),
    ),
  );
  const oldHash = previous.Attributes?.['tokenHash'];
  if (typeof oldHash === 'string' && oldHash !== hash) await deleteLookup(db, oldHash);
  return token;
}

/** Turns the user's feed in the workspace off (nothing to do when it is off). Fails only on a database error. */
export async function turnOffCalendarFeed(db: Db, workspaceId: string, userId: string): Promise<void> {
  const previous = await run(() =>
    db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.calendarFeedOfUser(workspaceId, userId),
        ReturnValues: 'ALL_OLD',
      }),
    ),
  );
  const oldHash = previous.Attributes?.['tokenHash'];
  if (typeof oldHash === 'string') await deleteLookup(db, oldHash);
}

/**
 * The user's current feed in the workspace, or undefined when it is off or has stopped (the user's
 * session epoch moved on since it was made).
 */
export async function getCalendarFeedOfUser(
  db: Db,
  workspaceId: string,
  user: Pick<User, 'id' | 'sessionEpoch'>,
): Promise<CalendarFeedOfUser | undefined> {
  const { Item } = await run(() =>
    db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.calendarFeedOfUser(workspaceId, user.id),
        ConsistentRead: true,
      }),
    ),
  );
  if (!Item) return undefined;
  const feed = stripKeys<CalendarFeedOfUser>(Item);
  return feed.epoch === user.sessionEpoch ? feed : undefined;
}

export interface LiveCalendarFeed {
  workspaceId: string;
  userId: string;
  tokenHash: string;
}

/**
 * Pattern 39: the live feed behind a token, or undefined for a malformed, unknown, regenerated or
 * stopped one (deactivated member, moved session epoch). One get and one batch read of three items.
 */
export async function findCalendarFeed(db: Db, token: unknown): Promise<LiveCalendarFeed | undefined> {
  if (!isWellFormedToken(token)) return undefined;
  const hash = tokenHash(token);
  const { Item } = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: keys.calendarFeed(hash), ConsistentRead: true })),
  );
  if (!Item) return undefined;
  const lookup = stripKeys<CalendarFeedLookup>(Item);
  const userKey = keys.user(lookup.userId);
  const member = keys.member(lookup.workspaceId, lookup.userId);
  const feedKey = keys.calendarFeedOfUser(lookup.workspaceId, lookup.userId);
  const items = await batchGetAll(db, [userKey, { pk: member.pk, sk: member.sk }, feedKey]);
  const find = (key: { pk: string; sk: string }) =>
    items.find((item) => item['pk'] === key.pk && item['sk'] === key.sk);
  const user = find(userKey) as User | undefined;
  const membership = find(member) as WorkspaceMember | undefined;
  const feed = find(feedKey) as CalendarFeedOfUser | undefined;
  if (!user || !membership?.active || !feed) return undefined;
  if (feed.tokenHash !== hash || feed.epoch !== user.sessionEpoch) return undefined;
  return { workspaceId: lookup.workspaceId, userId: lookup.userId, tokenHash: hash };
}

// Data access for users and workspace members (patterns 14, 17, 18).
import { localised } from '../i18n/messages';
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import { batchGetAll, isConditionalFailure, queryAll, run } from '../db/operations';
import { keys, stripKeys } from '../db/table';
import { turnOffCalendarFeed } from '../calendar/calendar-feed.store';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { sortFinnish } from '../text/finnish-collation';
import { parseExpectedVersion } from '../validation';
import {
  MEMBER_SCHEMA_VERSION,
  USER_SCHEMA_VERSION,
  normaliseEmail,
  type Role,
  type User,
  type WorkspaceMember,
} from './user.schema';

/** Keys hold e-mail addresses only as hashes: no personal data in a key or an index. */
export function emailHash(email: string): string {
  return createHash('sha256')
    .update(`email:${normaliseEmail(email)}`)
    .digest('hex');
}

export async function getUser(db: Db, userId: string): Promise<User | undefined> {
  const result = await run(() =>
    db.doc.send(new GetCommand({ TableName: db.table, Key: keys.user(userId), ConsistentRead: true })),
  );
  return result.Item ? stripKeys<User>(result.Item) : undefined;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const lookup = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.emailLookup(emailHash(email)), ConsistentRead: true }),
    ),
  );
  const userId = lookup.Item?.['userId'];
  return typeof userId === 'string' ? getUser(db, userId) : undefined;
}

const emailTaken = new ConflictError(localised('userStore.thisEMailAddressAlready'));

/**
 * Creates a user: the user item first (idempotent by id), then the e-mail claim, which is the
 * lock: of two accounts racing for one address, only one claim succeeds.
 */
export async function createUser(
  db: Db,
  input: { id: string; email: string; name: string; passwordHash: string },
): Promise<User> {
  const now = db.now().toISOString();
  const user: User = {
    sv: USER_SCHEMA_VERSION,
    id: input.id,
    email: normaliseEmail(input.email),
    name: input.name,
    passwordHash: input.passwordHash,
    sessionEpoch: 1,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await run(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.user(user.id), type: 'user', ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
    const existing = await getUser(db, user.id);
    if (existing?.email !== user.email) throw emailTaken;
  }
  try {
    await run(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.table,
          Item: { ...keys.emailLookup(emailHash(user.email)), type: 'emailLookup', userId: user.id },
          ConditionExpression: 'attribute_not_exists(pk) OR userId = :id',
          ExpressionAttributeValues: { ':id': user.id },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw emailTaken;
    throw error;
  }
  return (await getUser(db, user.id)) ?? user;
}

/** Sets a new password hash and ends every session of the user. */
export async function setUserPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.user(userId),
        UpdateExpression: 'SET passwordHash = :hash, updatedAt = :now ADD sessionEpoch :one, version :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':hash': passwordHash, ':now': db.now().toISOString(), ':one': 1 },
      }),
    ),
  );
}

/** "Log out everywhere": sessions made before this no longer count. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.user(userId),
        UpdateExpression: 'ADD sessionEpoch :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    ),
  );
}

function memberKey(workspaceId: string, userId: string) {
  const { pk, sk } = keys.member(workspaceId, userId);
  return { pk, sk };
}

export async function getMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceMember | undefined> {
  const result = await run(() =>
    db.doc.send(
      new GetCommand({ TableName: db.table, Key: memberKey(workspaceId, userId), ConsistentRead: true }),
    ),
  );
  return result.Item ? stripKeys<WorkspaceMember>(result.Item) : undefined;
}

/** The user and their membership in one round trip (every authenticated request needs both). */
export async function getUserAndMember(
  db: Db,
  userId: string,
  workspaceId: string,
): Promise<{ user?: User; member?: WorkspaceMember }> {
  const userKey = keys.user(userId);
  const wanted = memberKey(workspaceId, userId);
  const items = await batchGetAll(db, [userKey, wanted]);
  const user = items.find((item) => item['pk'] === userKey.pk);
  const member = items.find((item) => item['pk'] === wanted.pk);
  return {
    ...(user ? { user: stripKeys<User>(user) } : {}),
    ...(member ? { member: stripKeys<WorkspaceMember>(member) } : {}),
  };
}

/**
 * Makes the user a member with the role; an existing member (also a deactivated one) gets the
 * role and is active again.
 */
export async function addMember(
  db: Db,
  input: { workspaceId: string; userId: string; role: Role; name: string },
): Promise<WorkspaceMember> {
  const now = db.now().toISOString();
  const indexKeys = keys.member(input.workspaceId, input.userId);
  await run(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: memberKey(input.workspaceId, input.userId),
        UpdateExpression:
          'SET #type = :type, sv = :sv, workspaceId = :ws, userId = :user, #role = :role, active = :true, #name = :name, ' +
          'gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, createdAt = if_not_exists(createdAt, :now), updatedAt = :now ADD version :one',
        ExpressionAttributeNames: { '#type': 'type', '#role': 'role', '#name': 'name' },
        ExpressionAttributeValues: {
          ':type': 'member',
          ':sv': MEMBER_SCHEMA_VERSION,
          ':ws': input.workspaceId,
          ':user': input.userId,
          ':role': input.role,
          ':true': true,
          ':name': input.name,
          ':gsi1pk': indexKeys.gsi1pk,
          ':gsi1sk': indexKeys.gsi1sk,
          ':now': now,
          ':one': 1,
        },
      }),
    ),
  );
  const member = await getMember(db, input.workspaceId, input.userId);
  if (!member) throw new NotFoundError();
  return member;
}

/** Every member of a workspace (a handful), active first, then in Finnish name order. */
export async function listMembers(db: Db, workspaceId: string): Promise<WorkspaceMember[]> {
  const members = await queryAll<WorkspaceMember>(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.membersPartition(workspaceId) },
    ConsistentRead: true,
  });
  const sorted = sortFinnish(members, (member) => member.name);
  return [...sorted.filter((m) => m.active), ...sorted.filter((m) => !m.active)];
}

/** Whether `userId` is an active admin or staff member of the workspace (one who can own or do things). */
export async function isAssignableMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const member = await getMember(db, workspaceId, userId);
  return member !== undefined && member.active && member.role !== 'viewer';
}

/** The members who can be given follow-ups: active admins and staff (viewers only read). */
export function assignableStaff(members: readonly WorkspaceMember[]): { id: string; name: string }[] {
  return members
    .filter((member) => member.active && member.role !== 'viewer')
    .map((member) => ({ id: member.userId, name: member.name }));
}

export async function listAssignableStaff(
  db: Db,
  workspaceId: string,
): Promise<{ id: string; name: string }[]> {
  return assignableStaff(await listMembers(db, workspaceId));
}

/** The workspaces a user belongs to (pattern 18), active memberships only. */
export async function listUserWorkspaces(db: Db, userId: string): Promise<WorkspaceMember[]> {
  const members = await queryAll<WorkspaceMember>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.userWorkspacesPartition(userId) },
  });
  return members.filter((member) => member.active);
}

const lastAdmin = new ValidationError([], localised('userStore.theWorkspaceNeedsAtLeast'));

/** Changes a member's role or deactivates/reactivates them, checking the version the admin saw. */
export async function updateMember(
  db: Db,
  input: { workspaceId: string; userId: string; expectedVersion: number; role?: Role; active?: boolean },
): Promise<WorkspaceMember> {
  const expectedVersion = parseExpectedVersion(input.expectedVersion);
  const current = await getMember(db, input.workspaceId, input.userId);
  if (!current) throw new NotFoundError();
  const next = { role: input.role ?? current.role, active: input.active ?? current.active };
  const losesAdmin = current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active);
  if (losesAdmin) {
    const admins = (await listMembers(db, input.workspaceId)).filter((m) => m.role === 'admin' && m.active);
    if (admins.length <= 1) throw lastAdmin;
  }
  try {
    await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: memberKey(input.workspaceId, input.userId),
          UpdateExpression: 'SET #role = :role, active = :active, updatedAt = :now ADD version :one',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: {
            ':role': next.role,
            ':active': next.active,
            ':now': db.now().toISOString(),
            ':one': 1,
            ':expected': expectedVersion,
          },
        }),
      ),
    );
  } catch (error) {
    if (isConditionalFailure(error)) throw new ConflictError();
    throw error;
  }
  // A deactivated member's calendar address stops for good (reactivation does not bring it back).
  if (!next.active) await turnOffCalendarFeed(db, input.workspaceId, input.userId);
  return (await getMember(db, input.workspaceId, input.userId)) as WorkspaceMember;
}

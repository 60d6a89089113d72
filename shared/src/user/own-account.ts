// What every user may change about their own account: their name (copied to their membership in
// every workspace, so member lists and assignee lists show it at once) and their password (the
// current one checked, counted before the check; every other session ends; a notice by e-mail).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import { queryAll, run } from '../db/operations';
import { keys } from '../db/table';
import { NotFoundError, ValidationError } from '../errors';
import { localised } from '../i18n/messages';
import { parseInput } from '../validation';
import { renderPasswordChangedMail } from './account-mail';
import { checkNewPassword, type AccountMail } from './accounts';
import { hashPassword, passwordHashing, verifyPassword } from './password';
import { consumeAttempts, passwordChangeLimit, type ThrottleRule } from './throttle.store';
import { passwordFieldSchema, userNameSchema, type User, type WorkspaceMember } from './user.schema';
import { getUser, setUserPassword } from './user.store';

async function auditInEveryWorkspace(db: Db, user: User, action: 'password.change' | 'user.rename') {
  for (const member of await allMemberships(db, user.id)) {
    await recordAudit(db, member.workspaceId, {
      actorId: user.id,
      action,
      entityType: 'user',
      entityId: user.id,
    });
  }
}

/** Every membership of the user, deactivated ones too (pattern 18 without the filter). */
function allMemberships(db: Db, userId: string): Promise<WorkspaceMember[]> {
  return queryAll<WorkspaceMember>(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.userWorkspacesPartition(userId) },
  });
}

async function currentUser(db: Db, userId: string): Promise<User> {
  const user = await getUser(db, userId);
  if (!user) throw new NotFoundError();
  return user;
}

/**
 * Renames the user and then the copy of the name in each membership. A crash between them leaves
 * an old copy that the next rename (or the same one again) puts right.
 */
export async function renameOwnAccount(db: Db, userId: string, input: { name: unknown }): Promise<User> {
  const { name } = parseInput(z.object({ name: userNameSchema }), input);
  const user = await currentUser(db, userId);
  const now = db.now().toISOString();
  const setName = (key: Record<string, string>) =>
    run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: key,
          UpdateExpression: 'SET #name = :name, updatedAt = :now ADD version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': name, ':now': now, ':one': 1 },
        }),
      ),
    );
  await setName(keys.user(userId));
  for (const member of await allMemberships(db, userId)) {
    const { pk, sk } = keys.member(member.workspaceId, userId);
    if (member.name !== name) await setName({ pk, sk });
  }
  const renamed = { ...user, name };
  await auditInEveryWorkspace(db, renamed, 'user.rename');
  return renamed;
}

/**
 * Changes the user's password after checking the current one. Every session of the user ends
 * (the caller signs the current browser in again with the returned user's new epoch), the change
 * is audited in every workspace of the user, and a notice goes to the user's address. Fails with
 * ValidationError (wrong current password, or a weak new one), TooManyRequestsError (too many
 * tries: nothing was checked).
 */
export async function changeOwnPassword(
  db: Db,
  mail: AccountMail,
  input: { userId: string; currentPassword: unknown; password: unknown },
): Promise<{ user: User; noticeSent: boolean }> {
  const parsed = parseInput(
    z.object({ currentPassword: passwordFieldSchema, password: passwordFieldSchema }),
    { currentPassword: input.currentPassword, password: input.password },
  );
  passwordHashing.assertRoom();
  const user = await currentUser(db, input.userId);
  const rules: ThrottleRule[] = [{ kind: 'password-change', value: user.id, ...passwordChangeLimit }];
  const attempt = await consumeAttempts(db, rules);
  let valid: boolean;
  try {
    valid = await verifyPassword(parsed.currentPassword, user.passwordHash);
  } catch (caught) {
    await attempt.refund(); // the hashing queue was full: nothing was checked
    throw caught;
  }
  if (!valid) {
    throw new ValidationError([
      { field: 'currentPassword', message: localised('msg:password.currentWrong') },
    ]);
  }
  await attempt.refund();
  await checkNewPassword(parsed.password, [user.email, user.name]);
  await setUserPassword(db, user.id, await hashPassword(parsed.password));
  const changed = await currentUser(db, user.id);
  await auditInEveryWorkspace(db, changed, 'password.change');
  if (!mail.mailer) return { user: changed, noticeSent: false };
  try {
    await mail.mailer.send(renderPasswordChangedMail({ to: user.email, at: db.now() }));
    return { user: changed, noticeSent: true };
  } catch {
    // The password is changed either way; the notice must not undo it.
    return { user: changed, noticeSent: false };
  }
}

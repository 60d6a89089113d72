// The workspace's pending invitations, for its admins: one small item per invitation in the
// workspace (only the token's hash, never the token), written with the invitation and removed when
// it is accepted, revoked or resent. Expired ones are left out when listed and swept with the tokens.
import { localised } from '../i18n/messages';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Db } from '../db/client';
import { queryAll, run } from '../db/operations';
import { keys } from '../db/table';
import { NotFoundError } from '../errors';
import { sortFinnish } from '../text/finnish-collation';
import { parseInput } from '../validation';
import type { Role } from './user.schema';
import type { OneTimeToken } from './token.store';

export interface PendingInvitation {
  sv: number;
  workspaceId: string;
  tokenHash: string;
  email: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
}

const HASH = /^[0-9a-f]{64}$/;
const invitationRefSchema = z.object({
  invitation: z.string().regex(HASH, { message: 'msg:invitation.unknown' }),
});

/** Records a new invitation (its token already written) in the workspace's list. */
export async function recordInvitation(db: Db, tokenHashValue: string, record: OneTimeToken): Promise<void> {
  const invitation: PendingInvitation = {
    sv: 1,
    workspaceId: record.workspaceId,
    tokenHash: tokenHashValue,
    email: record.email ?? '',
    role: record.role ?? 'viewer',
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    expiresAt: record.expiresAt,
  };
  await run(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: {
          ...keys.invitation(record.workspaceId, tokenHashValue),
          type: 'invitation',
          ...invitation,
          ttl: record.ttl,
        },
      }),
    ),
  );
}

/** Pattern 35: the workspace's invitations not yet accepted, revoked or expired, by address. */
export async function listPendingInvitations(db: Db, workspaceId: string): Promise<PendingInvitation[]> {
  const now = db.now().toISOString();
  const items = await queryAll<PendingInvitation>(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.invitationsPartition(workspaceId) },
    ConsistentRead: true,
  });
  return sortFinnish(
    items.filter((invitation) => invitation.expiresAt > now),
    (invitation) => invitation.email,
  );
}

/** One pending invitation of the workspace by the form's reference (its token hash). */
export async function getPendingInvitation(
  db: Db,
  workspaceId: string,
  ref: unknown,
): Promise<PendingInvitation> {
  const { invitation } = parseInput(invitationRefSchema, { invitation: ref });
  const found = (await listPendingInvitations(db, workspaceId)).find((i) => i.tokenHash === invitation);
  if (!found) {
    throw new NotFoundError(localised('invitations.invitationNotFoundItWas'));
  }
  return found;
}

/** Removes an invitation and its token (a revoke, a resend, or an accepted one's entry). */
export async function removeInvitation(db: Db, workspaceId: string, tokenHashValue: string): Promise<void> {
  await run(() =>
    db.doc.send(
      new DeleteCommand({ TableName: db.table, Key: keys.invitation(workspaceId, tokenHashValue) }),
    ),
  );
}

/** Voids the invitation's link at once, then drops it from the list (a retry finds nothing to do). */
export async function revokeInvitation(db: Db, invitation: PendingInvitation): Promise<void> {
  await run(() =>
    db.doc.send(
      new DeleteCommand({
        TableName: db.table,
        Key: keys.token(invitation.tokenHash),
      }),
    ),
  );
  await removeInvitation(db, invitation.workspaceId, invitation.tokenHash);
}

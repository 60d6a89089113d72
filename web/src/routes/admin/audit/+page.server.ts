// The audit log for admins: one Helsinki month at a time, filtered by action or user.
import { auditActions, auditFilterSchema } from '@kohtaamo/shared/audit/audit';
import { listAudit } from '@kohtaamo/shared/audit/audit.store';
import { helsinkiMonth } from '@kohtaamo/shared/time/helsinki';
import { listMembers } from '@kohtaamo/shared/user/user.store';
import { parseInput } from '@kohtaamo/shared/validation';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { db } = serverContext();
  const me = member(locals);
  const filter = await orHttpError(
    Promise.resolve().then(() =>
      parseInput(auditFilterSchema, {
        month: url.searchParams.get('month') || helsinkiMonth(db.now()),
        action: url.searchParams.get('action') ?? '',
        actorId: url.searchParams.get('actor') ?? '',
      }),
    ),
  );
  const [page, members] = await Promise.all([
    orHttpError(
      listAudit(db, me.workspaceId, filter, { cursor: url.searchParams.get('cursor') ?? undefined }),
    ),
    orHttpError(listMembers(db, me.workspaceId)),
  ]);
  const names = Object.fromEntries(members.map((m) => [m.userId, m.name]));
  return {
    filter,
    entries: page.items,
    next: page.cursor,
    actions: auditActions,
    members: members.map((m) => ({ id: m.userId, name: m.name })),
    names,
  };
};

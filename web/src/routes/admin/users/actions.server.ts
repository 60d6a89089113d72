// The users page's actions: invite, change a role or deactivate, reset access, resend or revoke.
import { fail } from '@sveltejs/kit';
import {
  createPasswordReset,
  inviteMember,
  resendInvitation,
  revokePendingInvitation,
  type InviteResult,
} from '@kohtaamo/shared/user/accounts';
import { roleFieldSchema } from '@kohtaamo/shared/user/user.schema';
import { listMembers, updateMember } from '@kohtaamo/shared/user/user.store';
import { runAction } from '#lib/server/actions.ts';
import { member, serverContext } from '#lib/server/context.ts';
import { accountMail } from '#lib/server/mailer.ts';
import { parseInput } from '@kohtaamo/shared/validation';
import { linkTo } from './page-data.server';
import type { Actions } from './$types';

/** What the admin sees after an invitation went out: the address it was mailed to, or its link. */
function invited(url: URL, result: InviteResult) {
  if (result.delivery === 'mail') return { form: 'invite', sentTo: result.record.email ?? '' };
  return {
    form: 'invite',
    link: linkTo(url, `/invite/${result.token}`),
    expiresAt: result.record.expiresAt,
  };
}

export const pageActions = {
  invite: async ({ request, locals, url }) => {
    const me = member(locals);
    const form = await request.formData();
    const values = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? '') };
    const result = await runAction('invite', values, () =>
      inviteMember(serverContext().db, accountMail(url), {
        workspaceId: me.workspaceId,
        ...values,
        by: me.userId,
      }),
    );
    if (!('delivery' in result)) return result;
    return invited(url, result);
  },
  resendInvite: async ({ request, locals, url }) => {
    const me = member(locals);
    const form = await request.formData();
    const result = await runAction('invite', {}, () =>
      resendInvitation(serverContext().db, accountMail(url), {
        workspaceId: me.workspaceId,
        invitation: form.get('invitation'),
        by: me.userId,
      }),
    );
    if (!('delivery' in result)) return result;
    return invited(url, result);
  },
  revokeInvite: async ({ request, locals }) => {
    const me = member(locals);
    const form = await request.formData();
    const result = await runAction('invite', {}, () =>
      revokePendingInvitation(serverContext().db, {
        workspaceId: me.workspaceId,
        invitation: form.get('invitation'),
        by: me.userId,
      }),
    );
    if (result !== undefined) return result;
    return { form: 'invite', revoked: true };
  },
  reset: async ({ request, locals, url }) => {
    const me = member(locals);
    const form = await request.formData();
    const userId = String(form.get('userId') ?? '');
    const members = await listMembers(serverContext().db, me.workspaceId);
    if (!members.some((m) => m.userId === userId)) return fail(404, { form: 'reset' });
    const result = await runAction('reset', {}, () =>
      createPasswordReset(serverContext().db, accountMail(url), {
        workspaceId: me.workspaceId,
        userId,
        by: me.userId,
      }),
    );
    if (!('sentTo' in result)) return result;
    return { form: 'reset', userId, sentTo: result.sentTo };
  },
  update: async ({ request, locals }) => {
    const me = member(locals);
    const form = await request.formData();
    const values = {
      userId: String(form.get('userId') ?? ''),
      role: String(form.get('role') ?? ''),
      active: String(form.get('active') ?? ''),
      version: String(form.get('version') ?? ''),
    };
    const result = await runAction('update', values, async () => {
      const members = await listMembers(serverContext().db, me.workspaceId);
      const target = members.find((m) => m.userId === values.userId);
      if (!target) return undefined;
      return updateMember(serverContext().db, {
        workspaceId: me.workspaceId,
        userId: target.userId,
        expectedVersion: Number(values.version),
        role: parseInput(roleFieldSchema, { role: values.role }).role,
        active: values.active === 'yes',
      });
    });
    if (result === undefined) return fail(404, { form: 'update' });
    if (!('userId' in result)) return result;
    return { form: 'update', userId: result.userId, saved: true };
  },
} satisfies Actions;

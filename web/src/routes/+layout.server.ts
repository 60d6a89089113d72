import { roleAllows } from '@kohtaamo/shared/user/user.schema';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
  const auth = locals.auth;
  const role = auth.status === 'member' ? auth.member.role : undefined;
  return {
    locale: locals.locale,
    // Where the language switch returns to: this page, without a form action's `?/name`.
    path: url.pathname + (url.search.startsWith('?/') ? '' : url.search),
    user: auth.status === 'none' ? undefined : { name: auth.user.name },
    role,
    /** Whether edit controls are shown (the server checks every action again). */
    canEdit: role !== undefined && roleAllows(role, 'staff'),
    isAdmin: role === 'admin',
  };
};

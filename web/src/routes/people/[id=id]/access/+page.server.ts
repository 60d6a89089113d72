// Subject access (GDPR Art. 15), readable: the same document as the JSON download.
import { subjectAccessReport } from '@kohtaamo/shared/privacy/subject-access';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const me = member(locals);
  const report = await orHttpError(
    subjectAccessReport(serverContext().db, me.workspaceId, { personId: params.id, by: me.userId }),
  );
  return { report };
};

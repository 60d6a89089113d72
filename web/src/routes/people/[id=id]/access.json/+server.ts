// Subject access (GDPR Art. 15) as a JSON download.
import { json } from '@sveltejs/kit';
import { subjectAccessReport } from '@kohtaamo/shared/privacy/subject-access';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
  const me = member(locals);
  const report = await orHttpError(
    subjectAccessReport(serverContext().db, me.workspaceId, { personId: params.id, by: me.userId }),
  );
  return json(report, {
    headers: {
      'content-disposition': `attachment; filename="subject-access-${report.person.id}.json"`,
      'cache-control': 'no-store',
    },
  });
};

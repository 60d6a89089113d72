// The handover package as a download, streamed while it is built (admins only; recorded in the
// audit log). In AWS a large package belongs in the export bucket behind a presigned link: not
// built yet (see the README).
import { PassThrough, Readable } from 'node:stream';
import { recordAudit } from '@kohtaamo/shared/audit/audit.store';
import { writeHandoverPackage } from '@kohtaamo/shared/handover/handover-package';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { member, serverContext } from '#lib/server/context.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
  const { db } = serverContext();
  const me = member(locals);
  const includePersons = url.searchParams.get('persons') === '1';
  const body = new PassThrough();
  // The response starts at once; the package is written into it as the data is read.
  writeHandoverPackage(db, body, {
    workspaceId: me.workspaceId,
    includePersons,
    exportedBy: me.name,
  })
    .then(() =>
      recordAudit(db, me.workspaceId, {
        actorId: me.userId,
        action: 'export',
        entityType: 'workspace',
        entityId: me.workspaceId,
      }),
    )
    .catch((error: unknown) => {
      console.error(
        JSON.stringify({
          level: 'error',
          route: 'handover',
          error: error instanceof Error ? error.name : 'unknown',
        }),
      );
      body.destroy(error instanceof Error ? error : new Error('handover failed'));
    });
  const name = `kohtaamo-${me.workspaceId}-${helsinkiDate(db.now())}${includePersons ? '' : '-ilman-henkiloita'}.zip`;
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
};

import { listDirectory } from '@kohtaamo/shared/association/association.store';
import { stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace());
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await orHttpError(listDirectory(db, workspace.id, { cursor, limit: PAGE_SIZE }));
  return {
    associations: page.items.map((a) => ({
      id: a.id,
      name: a.name,
      frame: a.frame,
      municipalities: a.municipalities,
      stage: stageLabel(workspace.stages, a.stage, locals.locale),
      lastContactAt: a.lastContactAt,
      nextFollowUpDue: a.nextFollowUpDue,
    })),
    next: page.cursor,
    isFirstPage: cursor === undefined,
  };
};

import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { listOpenFollowUpsOfAssociation } from '@kohtaamo/shared/follow-up/follow-up.store';
import { listTimeline } from '@kohtaamo/shared/interaction/interaction.store';
import { listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { daysInStage, stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { listStageHistory } from '@kohtaamo/shared/pipeline/pipeline.store';
import { error } from '@sveltejs/kit';
import { isId } from '@kohtaamo/shared/ids';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  // A malformed id names no association: the same 404 as an unknown one.
  if (!isId(params.id)) error(404, { message: 'Not found' });
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace());
  const association = await orHttpError(getAssociation(db, workspace.id, params.id));
  const [members, timeline, followUps, history] = await orHttpError(
    Promise.all([
      listMembersOfAssociation(db, workspace.id, association.id, { limit: 200 }),
      listTimeline(db, workspace.id, association.id, { limit: 50 }),
      listOpenFollowUpsOfAssociation(db, workspace.id, association.id),
      listStageHistory(db, workspace.id, association.id),
    ]),
  );
  const stageName = (code: string | null) => (code ? stageLabel(workspace.stages, code, locals.locale) : '–');
  return {
    association,
    stage: {
      name: stageName(association.stage),
      enteredAt: association.stageEnteredAt,
      days: daysInStage(association.stageEnteredAt, db.now()),
    },
    history: history
      .reverse()
      .map((change) => ({ ...change, fromName: stageName(change.from), toName: stageName(change.to) })),
    members: members.items,
    timeline: timeline.items,
    moreTimeline: timeline.cursor !== undefined,
    followUps,
  };
};

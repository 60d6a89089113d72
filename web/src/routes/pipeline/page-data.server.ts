// The pipeline board: its columns, a page of one stage, the days in stage, and each card's owner
// and last contact (both on the profile items the column lists: no read per card).
import {
  countAssociationsInStage,
  findAssociation,
  listAssociationsInStage,
  STAGE_COUNT_CAP,
} from '@kohtaamo/shared/association/association.store';
import { isId } from '@kohtaamo/shared/ids';
import { daysInStage, isStale, nextStageOf } from '@kohtaamo/shared/pipeline/pipeline';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { listMembers } from '@kohtaamo/shared/user/user.store';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const CARDS_PER_COLUMN = 25;
/**
 * The board counts each column up to 100 ("100+"), so it costs the same whatever the data size;
 * a stage shown alone counts up to STAGE_COUNT_CAP (1000). Both declared at pattern 7 in table.ts.
 */
const BOARD_COUNT_CAP = 100;

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */
export const loadPage = async ({ locals, url }: Parameters<PageServerLoad>[0]) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const only = url.searchParams.get('stage');
  const stages = workspace.stages.filter((stage) => !only || stage.code === only);
  const cursor = only ? (url.searchParams.get('cursor') ?? undefined) : undefined;
  const now = db.now();
  // The card just moved is read from the base table (the stage index may lag) and shown first in
  // its column, even when the column holds more than a page of cards.
  const movedId = url.searchParams.get('moved');
  const moved =
    movedId && isId(movedId)
      ? await orHttpError(findAssociation(db, workspace.id, movedId)).then((a) =>
          // A partner (no stage) is never on the board.
          a && !a.archivedAt && !a.mergedInto && a.stage !== undefined ? a : undefined,
        )
      : undefined;
  // The owners' names come from the workspace's members, read once for the whole board (pattern 17).
  const [members, columns] = await Promise.all([
    orHttpError(listMembers(db, workspace.id)),
    orHttpError(
      Promise.all(
        stages.map(async (stage) => {
          const [listed, total] = await Promise.all([
            listAssociationsInStage(db, workspace.id, stage.code, {
              cursor,
              limit: only ? 100 : CARDS_PER_COLUMN,
            }),
            countAssociationsInStage(db, workspace.id, stage.code, only ? STAGE_COUNT_CAP : BOARD_COUNT_CAP),
          ]);
          const here = moved?.stage === stage.code ? moved : undefined;
          const page = {
            cursor: listed.cursor,
            // The index may still list it in its old column too: it is shown only where it is now.
            items: [...(here ? [here] : []), ...listed.items.filter((a) => a.id !== moved?.id)],
          };
          return {
            code: stage.code,
            name: stage.label[locals.locale],
            /** Bounded (BOARD_COUNT_CAP, STAGE_COUNT_CAP): `more` says the column holds more. */
            total,
            next: page.cursor,
            /** The cards' move default: the next main stage ('' from a final stage: a choice is asked). */
            forward: nextStageOf(workspace.stages, stage.code) ?? '',
            cards: page.items.map((a) => {
              // Only associations are in a stage column: a partner has no stage keys (pattern 7).
              const days = daysInStage(a.stageEnteredAt ?? now.toISOString(), now);
              return {
                id: a.id,
                name: a.name,
                stageSeq: a.stageSeq,
                days,
                stale: isStale(workspace.stages, stage.code, days, workspace.staleAfterDays),
                ownerId: a.ownerId,
                /** The Helsinki day of the last contact (the association's summary). */
                lastContact: a.lastContactAt ? helsinkiDate(new Date(a.lastContactAt)) : undefined,
              };
            }),
          };
        }),
      ),
    ),
  ]);
  const staffNames = new Map(members.map((m) => [m.userId, m.name]));
  return {
    columns: columns.map((column) => ({
      ...column,
      cards: column.cards.map(({ ownerId, ...card }) => ({
        ...card,
        // An owner no longer among the members is left out rather than shown as an id.
        ownerName: ownerId ? staffNames.get(ownerId) : undefined,
      })),
    })),
    stages: workspace.stages.map((s) => ({ code: s.code, name: s.label[locals.locale] })),
    single: only !== null,
    done: url.searchParams.get('done'),
    moved: moved && {
      id: moved.id,
      name: moved.name,
      stage: workspace.stages.find((s) => s.code === moved.stage)?.label[locals.locale] ?? moved.stage ?? '',
    },
  };
};

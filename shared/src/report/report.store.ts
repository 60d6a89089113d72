// Reads the facts of a report period: the interactions of its Helsinki months (pattern 9, only the
// fields the report needs), its events with their registrations and feedback (27, 28), the stage
// changes (31) and the follow-ups completed (32) of its months, and the kind of each organisation
// contacted (pattern 1 as batch reads of the profiles' id and kind, 100 a request). The reads grow
// with the period's activity, not with the whole workspace.
import type { Db } from '../db/client';
import { batchGetAll, queryAllItems, readAllPages } from '../db/operations';
import { keys } from '../db/table';
import { getEventWithDetails, listEvents } from '../event/event.store';
import { listFollowUpsDoneInMonth } from '../follow-up/follow-up.store';
import type { Interaction } from '../interaction/interaction.schema';
import { listStageChangesInMonth } from '../pipeline/stage-history.store';
import { parseInput } from '../validation';
import { ASSOCIATION_KIND } from '../association/organisation-kind';
import { inPeriod, monthsOf, reportPeriodSchema, type ReportData, type ReportPeriod } from './report';

const interactionFields = ['id', 'associationId', 'kind', 'outcome', 'occurredAt', 'eventId', 'deletedAt'];

async function interactionsOfMonth(
  db: Db,
  workspaceId: string,
  month: string,
): Promise<ReportData['interactions']> {
  const items = await queryAllItems(db, {
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.interactionMonthPartition(workspaceId, month) },
    ProjectionExpression: interactionFields.map((_, i) => `#f${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(interactionFields.map((field, i) => [`#f${i}`, field])),
  });
  return (items as unknown as (Interaction & { deletedAt?: string })[])
    .filter((item) => !item.deletedAt)
    .map(({ deletedAt: _deleted, ...interaction }) => interaction);
}

export async function loadReportData(
  db: Db,
  workspaceId: string,
  rawPeriod: unknown,
): Promise<{ period: ReportPeriod; data: ReportData }> {
  const period = parseInput(reportPeriodSchema, rawPeriod);
  const months = monthsOf(period);
  const [interactions, stageChanges, followUpsDone, events] = await Promise.all([
    Promise.all(months.map((month) => interactionsOfMonth(db, workspaceId, month))),
    Promise.all(
      months.map((month) => readAllPages((page) => listStageChangesInMonth(db, workspaceId, month, page))),
    ),
    Promise.all(
      months.map((month) => readAllPages((page) => listFollowUpsDoneInMonth(db, workspaceId, month, page))),
    ),
    listEvents(db, workspaceId, period),
  ]);
  const inThePeriod = interactions.flat().filter((i) => inPeriod(period, i.occurredAt));
  return {
    period,
    data: {
      interactions: inThePeriod,
      organisationKinds: await organisationKindsOf(db, workspaceId, inThePeriod),
      stageChanges: stageChanges.flat().filter((c) => inPeriod(period, c.at)),
      followUpsDone: followUpsDone
        .flat()
        .filter((f) => f.completedAt !== undefined && inPeriod(period, f.completedAt)),
      events: await Promise.all(events.map((event) => getEventWithDetails(db, workspaceId, event.id))),
    },
  };
}

/** The partners among the organisations contacted, by id (an association is left out: the default). */
async function organisationKindsOf(
  db: Db,
  workspaceId: string,
  interactions: ReportData['interactions'],
): Promise<Record<string, string>> {
  const ids = [...new Set(interactions.map((i) => i.associationId))];
  const items = await batchGetAll(
    db,
    ids.map((id) => keys.association(workspaceId, id)),
    { expression: 'id, #kind', names: { '#kind': 'kind' } },
  );
  return Object.fromEntries(
    items
      .filter((item) => typeof item.kind === 'string' && item.kind !== ASSOCIATION_KIND)
      .map((item) => [String(item.id), String(item.kind)]),
  );
}

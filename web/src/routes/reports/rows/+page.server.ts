// The rows behind one figure of the report (which contacts, events, moves… it counts).
import { error } from '@sveltejs/kit';
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { ValidationError } from '@kohtaamo/shared/errors';
import { reportRows, rowsQuerySchema } from '@kohtaamo/shared/report/report-rows';
import { loadReportData } from '@kohtaamo/shared/report/report.store';
import { stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { organisationKindLabel, partnerKindsOf } from '@kohtaamo/shared/association/organisation-kind';
import { parseInput } from '@kohtaamo/shared/validation';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { parseReportPeriod } from '#lib/server/report-period.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  let query;
  try {
    query = parseInput(rowsQuerySchema, Object.fromEntries(url.searchParams));
  } catch (caught) {
    if (caught instanceof ValidationError) error(404, { message: 'Not found' });
    throw caught;
  }
  const { period, data } = await orHttpError(
    loadReportData(db, workspace.id, parseReportPeriod(url, db.now())),
  );
  const rows = reportRows(data, period, workspace.stages, query);
  const names = await orHttpError(
    getAssociationNames(
      db,
      workspace.id,
      rows.flatMap((r) => (r.associationId ? [r.associationId] : [])),
    ),
  );
  const stage = (code: string) => stageLabel(workspace.stages, code, locals.locale);
  return {
    period,
    query,
    /** The organisation kind the rows are of (the contacts by kind figure). */
    orgKindName: query.orgKind
      ? organisationKindLabel(partnerKindsOf(workspace), query.orgKind, locals.locale)
      : undefined,
    rows: rows.map((row) => ({
      ...row,
      associationName: row.associationId ? (names.get(row.associationId) ?? '–') : '',
      // Stage moves read as names, not codes.
      what: row.what.includes(' → ')
        ? row.what
            .split(' → ')
            .map((code) => (code ? stage(code) : '–'))
            .join(' → ')
        : row.what,
    })),
  };
};

// The report of a period as CSV (semicolons, BOM: Finnish Excel opens it with a double click).
import { computeReport } from '@kohtaamo/shared/report/report';
import { partnerKindsOf } from '@kohtaamo/shared/association/organisation-kind';
import { reportCsv } from '@kohtaamo/shared/report/report-export';
import { reportTable } from '@kohtaamo/shared/report/report-rows';
import { loadReportData } from '@kohtaamo/shared/report/report.store';
import { attachment } from '@kohtaamo/shared/storage/blob-store';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { parseReportPeriod } from '#lib/server/report-period.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const period = parseReportPeriod(url, db.now());
  const loaded = await orHttpError(loadReportData(db, workspace.id, period));
  const report = computeReport(loaded.data, loaded.period, workspace.stages, partnerKindsOf(workspace));
  const name = `kohtaamo-raportti-${loaded.period.from}-${loaded.period.to}.csv`;
  return new Response(
    reportCsv(reportTable(report, workspace.stages, locals.locale, partnerKindsOf(workspace))),
    {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment(name),
        'cache-control': 'no-store',
      },
    },
  );
};

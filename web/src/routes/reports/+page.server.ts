// The funder's report of a period: every figure, each linking to the rows behind it.
import { ValidationError } from '@kohtaamo/shared/errors';
import { stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { computeReport } from '@kohtaamo/shared/report/report';
import { loadReportData } from '@kohtaamo/shared/report/report.store';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { periodOf } from '#lib/server/report-period.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const asked = periodOf(url, db.now());
  const today = helsinkiDate(db.now());
  const year = Number(today.slice(0, 4));
  const presets = {
    thisYear: { from: `${year}-01-01`, to: today },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
  try {
    const { period, data } = await loadReportData(db, workspace.id, asked);
    return {
      asked,
      presets,
      report: computeReport(data, period, workspace.stages),
      stageNames: Object.fromEntries(
        workspace.stages.map((s) => [s.code, stageLabel(workspace.stages, s.code, locals.locale)]),
      ),
    };
  } catch (caught) {
    if (caught instanceof ValidationError) return { asked, presets, problem: caught.fields };
    throw caught;
  }
};

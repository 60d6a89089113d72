// The funder's report of a period: every figure, each linking to the rows behind it.
import { stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { computeReport } from '@kohtaamo/shared/report/report';
import {
  ASSOCIATION_KIND,
  organisationKindLabel,
  partnerKindsOf,
} from '@kohtaamo/shared/association/organisation-kind';
import { loadReportData } from '@kohtaamo/shared/report/report.store';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { parseReportPeriod } from '#lib/server/report-period.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  // A period that cannot be shown is a 400 (+error.svelte shows the period form again).
  const asked = parseReportPeriod(url, db.now());
  const today = helsinkiDate(db.now());
  const year = Number(today.slice(0, 4));
  const presets = {
    thisYear: { from: `${year}-01-01`, to: today },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
  const { period, data } = await orHttpError(loadReportData(db, workspace.id, asked));
  const kinds = partnerKindsOf(workspace);
  return {
    asked,
    presets,
    report: computeReport(data, period, workspace.stages, kinds),
    kindNames: Object.fromEntries(
      [ASSOCIATION_KIND, ...kinds.map((k) => k.code)].map((code) => [
        code,
        organisationKindLabel(kinds, code, locals.locale),
      ]),
    ),
    stageNames: Object.fromEntries(
      workspace.stages.map((s) => [s.code, stageLabel(workspace.stages, s.code, locals.locale)]),
    ),
  };
};

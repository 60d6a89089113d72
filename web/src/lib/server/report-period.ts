// The report period of a request (shared/src/report/report-period.ts), for the report page, its
// downloads and its rows: a period that cannot be read is the client's, a 400 with the reason.
import { error } from '@sveltejs/kit';
import { ValidationError } from '@kohtaamo/shared/errors';
import { t } from '@kohtaamo/shared/i18n/messages';
import { periodFromQuery } from '@kohtaamo/shared/report/report-period';
import type { ReportPeriod } from '@kohtaamo/shared/report/report';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';

/** The period asked for in `url`; throws a 400 HttpError saying what is wrong with it. */
export function parseReportPeriod(url: URL, now: Date): ReportPeriod {
  try {
    return periodFromQuery(url.searchParams, helsinkiDate(now));
  } catch (caught) {
    if (!(caught instanceof ValidationError)) throw caught;
    const reason = caught.fields[0]?.message ?? caught.safe;
    const fi = t('fi', 'input.reportPeriod', { reason: reason.fi });
    const en = t('en', 'input.reportPeriod', { reason: reason.en });
    error(400, { message: en, fi, en });
  }
}

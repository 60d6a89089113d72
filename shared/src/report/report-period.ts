// The report period a request asks for (`from`, `to` in the query), this year up to today by
// default. One parser for the report page, its downloads and the rows behind each figure.
import { parseInput } from '../validation';
import { reportPeriodSchema, type ReportPeriod } from './report';

/**
 * The period of `from` and `to` (an empty or missing one takes its default: 1 January of today's
 * year, today). Fails with a ValidationError whose field messages say what to fix: not a calendar
 * date, the end before the start, longer than three years.
 */
export function periodFromQuery(query: URLSearchParams, today: string): ReportPeriod {
  return parseInput(reportPeriodSchema, {
    from: query.get('from') || `${today.slice(0, 4)}-01-01`,
    to: query.get('to') || today,
  });
}

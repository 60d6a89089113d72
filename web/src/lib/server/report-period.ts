// The report period of a request: from the query, this year by default.
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';

export function periodOf(url: URL, now: Date): { from: string; to: string } {
  const today = helsinkiDate(now);
  return {
    from: url.searchParams.get('from') || `${today.slice(0, 4)}-01-01`,
    to: url.searchParams.get('to') || today,
  };
}

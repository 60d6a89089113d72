// The one formatter for dates, times, months and numbers in the reader's language, on Helsinki time.
// Pages, e-mails, reports and the handover all write them through here, so "2.12.2026 klo 17.30" reads
// the same everywhere (and never "2.12.2026klo 17:30").
import { helsinkiDate, TIME_ZONE } from '../time/helsinki';
import { t, type Locale } from './messages';

const intlLocale = (locale: Locale) => (locale === 'fi' ? 'fi-FI' : 'en-GB');
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(cacheKey, format);
  }
  return format;
}

/** A calendar date `YYYY-MM-DD`: 23.11.2026 in Finnish (as Finns write it), 23 Nov 2026 in English. */
export function formatDate(date: string, locale: Locale): string {
  if (locale === 'fi') {
    const [year, month, day] = date.split('-').map(Number);
    return `${day}.${month}.${year}`;
  }
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** The Helsinki clock time of an instant: 17.30 in Finnish, 17:30 in English. */
export function formatTime(instant: Date | string, locale: Locale): string {
  return formatter(locale, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** A wall-clock time `HH:MM` as the language writes it (no time zone: it is already Helsinki time). */
export function formatClock(time: string, locale: Locale): string {
  return locale === 'fi' ? time.replace(':', '.') : time;
}

/** A date with a wall-clock time: "2.12.2026 klo 17.30", "2 Dec 2026 at 17:30"; the date alone without one. */
export function formatDateAt(date: string, time: string | undefined, locale: Locale): string {
  if (!time) return formatDate(date, locale);
  return t(locale, 'time.dateAt', { date: formatDate(date, locale), time: formatClock(time, locale) });
}

/** An instant as a Helsinki date and time in words: "2.12.2026 klo 09.00", "2 Dec 2026 at 09:00". */
export function formatInstant(instant: Date | string, locale: Locale): string {
  // The English clock is the wall-clock form `HH:MM` that formatDateAt takes.
  return formatDateAt(helsinkiDate(new Date(instant)), formatTime(instant, 'en'), locale);
}

/** An instant as a Helsinki date and time, for records such as "exported at". */
export function formatDateTime(instant: Date | string, locale: Locale): string {
  return formatter(locale, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(instant),
  );
}

/** A month `YYYY-MM`: "marraskuu 2026" / "November 2026", or "marrask. 2026" / "Nov 2026" when short. */
export function formatMonth(month: string, locale: Locale, width: 'long' | 'short' = 'long'): string {
  return formatter(locale, { timeZone: 'UTC', month: width, year: 'numeric' }).format(
    new Date(`${month}-15T12:00:00Z`),
  );
}

/** A whole number with its thousands grouped: "10 000" / "10,000" (a plain space, not a no-break one). */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(intlLocale(locale)).replace(/\u00a0|\u202f/g, ' ');
}

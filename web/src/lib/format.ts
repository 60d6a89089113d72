// Display helpers shared by pages: dates as Finnish users write them, labels from the catalogue.
import { formatDate, formatMonth, formatTime } from '@kohtaamo/shared/i18n/format';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { isMessageKey, t, type Locale, type PlainMessageKey } from '@kohtaamo/shared/i18n/messages';

export function showDate(value: string | undefined, locale: Locale): string {
  if (!value) return '–';
  return formatDate(value.length === 10 ? value : helsinkiDate(new Date(value)), locale);
}

export function showTime(value: string, locale: Locale): string {
  return formatTime(value, locale);
}

/** A bounded count (countOpenFollowUpsDue): "1000+" when there are more than it counted. */
export function showCount(total: { count: number; more: boolean }): string {
  return `${total.count}${total.more ? '+' : ''}`;
}

/** A Helsinki month `YYYY-MM` as words: "marraskuu 2026", "November 2026". */
export function showMonth(month: string, locale: Locale): string {
  return formatMonth(month, locale);
}

/** A catalogue label such as `frame.yhdistys`, or the raw code when the catalogue lacks it. */
export function label(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(locale, key) : code;
}

/**
 * The status line after a redirect with `?done=<outcome>`: the message the page names for that
 * outcome, or none for an outcome it does not know (the value comes from the URL).
 */
export function doneMessage(
  locale: Locale,
  done: string | null | undefined,
  outcomes: Readonly<Record<string, PlainMessageKey>>,
): string | undefined {
  const key = done && Object.hasOwn(outcomes, done) ? outcomes[done] : undefined;
  return key ? t(locale, key) : undefined;
}

// The calendar feed as iCalendar text (RFC 5545), built with ical-generator: a user's open
// follow-ups as all-day entries on their due date, and the workspace's events at their Helsinki
// wall-clock time (TZID=Europe/Helsinki with its VTIMEZONE), or all day when an event has no time.
// Pure: the caller reads the data and passes the origin for the links.
import { ICalCalendarMethod, default as ical } from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays } from '../time/helsinki';

export const CALENDAR_TIME_ZONE = 'Europe/Helsinki';

/** How far the feed reaches: 30 days back and a year ahead of today (Helsinki days). */
export const calendarFeedRange = (today: string) => ({ from: addDays(today, -30), to: addDays(today, 365) });

export interface FeedTask {
  id: string;
  /** YYYY-MM-DD, a Helsinki day. */
  due: string;
  title?: string | undefined;
  associationId: string;
  associationName: string;
}

export interface FeedEvent {
  id: string;
  name: string;
  date: string;
  /** HH:MM in Helsinki, or none: the event is then all day. */
  startTime?: string | undefined;
  place?: string | undefined;
}

export interface CalendarFeedInput {
  /** The calendar's name, e.g. "Kohtaamo – Pohjois-Savon tuki". */
  name: string;
  /** The site's origin, for the links to each association and event. */
  origin: string;
  /** The summary of a follow-up with no title of its own ("Follow-up"). */
  untitledTask: string;
  now: Date;
  tasks: readonly FeedTask[];
  events: readonly FeedEvent[];
}

/**
 * Europe/Helsinki since 1983 (EU rules): EEST from the last Sunday of March 03:00, EET from the
 * last Sunday of October 04:00 local time. Written out so no zone database has to be bundled.
 */
export const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_TIME_ZONE}`,
  `X-LIC-LOCATION:${CALENDAR_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A Helsinki day as a luxon date (all-day entries are written from its calendar date alone). */
function helsinkiDay(date: string): DateTime {
  return DateTime.fromISO(date, { zone: CALENDAR_TIME_ZONE });
}

/** The calendar as text. Fails only on a malformed date or time (the schemas have checked them). */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Kohtaamo', product: 'Kohtaamo', language: 'FI' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: ical-generator would then write DTSTAMP in local time (RFC 5545 wants
    // UTC). Timed events name the zone themselves, and the generator adds its VTIMEZONE once.
    timezone: { name: null, generator: (zone) => (zone === CALENDAR_TIME_ZONE ? HELSINKI_VTIMEZONE : null) },
    x: [['X-WR-TIMEZONE', CALENDAR_TIME_ZONE]],
    // A hint to clients that poll: an hour is enough for tasks that change during the day.
    ttl: 60 * 60,
  });
  const stamp = DateTime.fromJSDate(input.now, { zone: 'utc' });
  for (const task of input.tasks) {
    const day = helsinkiDay(task.due);
    calendar.createEvent({
      id: `followup-${task.id}@kohtaamo`,
      allDay: true,
      start: day,
      end: day.plus({ days: 1 }),
      stamp,
      summary: `${task.title?.trim() || input.untitledTask} – ${task.associationName}`,
      url: `${input.origin}/associations/${task.associationId}`,
    });
  }
  for (const event of input.events) {
    const url = `${input.origin}/events/${event.id}`;
    const common = { id: `event-${event.id}@kohtaamo`, stamp, summary: event.name, url };
    const location = event.place ? { location: event.place } : {};
    if (event.startTime) {
      const start = DateTime.fromISO(`${event.date}T${event.startTime}`, { zone: CALENDAR_TIME_ZONE });
      calendar.createEvent({ ...common, ...location, start, timezone: CALENDAR_TIME_ZONE });
    } else {
      const day = helsinkiDay(event.date);
      calendar.createEvent({ ...common, ...location, allDay: true, start: day, end: day.plus({ days: 1 }) });
    }
  }
  return calendar.toString();
}

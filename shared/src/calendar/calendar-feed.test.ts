import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendarFeed, calendarFeedRange, type CalendarFeedInput } from './calendar-feed';

const base: CalendarFeedInput = {
  name: 'Kohtaamo',
  origin: 'https://kohtaamo.example',
  untitledTask: 'Seuranta',
  now: new Date('2026-03-28T22:30:00Z'),
  tasks: [],
  events: [],
};

/** Parses the feed with ical.js (an independent parser) and registers its time zones. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  return { calendar, events, byUid: (uid: string) => events.find((event) => event.uid === uid)! };
}

const utc = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('the calendar feed', () => {
  it('puts a follow-up on its due date as an all-day entry, whatever the hour of the night', () => {
    // Prepare: 00:30 in Helsinki on 29 March, still 28 March in UTC.
    const text = buildCalendarFeed({
      ...base,
      tasks: [
        { id: 'T1', due: '2026-03-29', title: 'Soita', associationId: 'A1', associationName: 'Yhdistys ry' },
      ],
    });
    // Act
    const task = parse(text).byUid('followup-T1@kohtaamo');
    // Assess
    expect(text).toContain('DTSTART;VALUE=DATE:20260329\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20260330\r\n');
    expect(task.startDate.isDate).toBe(true);
    expect(task.startDate.toString()).toBe('2026-03-29');
    expect(task.endDate.toString()).toBe('2026-03-30');
    expect(task.summary).toBe('Soita – Yhdistys ry');
    expect(task.component.getFirstPropertyValue('url')).toBe('https://kohtaamo.example/associations/A1');
  });

  it('names an untitled follow-up with the fallback text and the association', () => {
    const { events } = parse(
      buildCalendarFeed({
        ...base,
        tasks: [{ id: 'T2', due: '2026-12-31', associationId: 'A2', associationName: 'Kerho' }],
      }),
    );
    expect(events[0]?.summary).toBe('Seuranta – Kerho');
  });

  it('writes events at their Helsinki time around the change to summer time (29 March 2026)', () => {
    const text = buildCalendarFeed({
      ...base,
      events: [
        { id: 'E1', name: 'Yötyöpaja', date: '2026-03-29', startTime: '02:30', place: 'Kuopio' },
        // 03:30 does not exist that night (03:00 EET became 04:00 EEST): RFC 5545 reads it with the
        // offset before the gap, which is 04:30 EEST.
        { id: 'E2', name: 'Aamu', date: '2026-03-29', startTime: '03:30' },
        { id: 'E3', name: 'Kesäaika', date: '2026-03-30', startTime: '10:00' },
      ],
    });
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20260329T023000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20260329T043000\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n');
    const feed = parse(text);
    expect(feed.byUid('event-E1@kohtaamo').startDate.zone?.tzid).toBe('Europe/Helsinki');
    expect(utc(feed.byUid('event-E1@kohtaamo').startDate)).toBe('2026-03-29T00:30:00.000Z');
    expect(utc(feed.byUid('event-E2@kohtaamo').startDate)).toBe('2026-03-29T01:30:00.000Z');
    expect(utc(feed.byUid('event-E3@kohtaamo').startDate)).toBe('2026-03-30T07:00:00.000Z');
    expect(feed.byUid('event-E1@kohtaamo').location).toBe('Kuopio');
  });

  it('writes events at their Helsinki time around the change to winter time (25 October 2026)', () => {
    const text = buildCalendarFeed({
      ...base,
      events: [
        { id: 'E4', name: 'Ennen', date: '2026-10-25', startTime: '02:30' },
        // 03:30 happens twice that night; the wall-clock time is kept as typed.
        { id: 'E5', name: 'Kahdesti', date: '2026-10-25', startTime: '03:30' },
        { id: 'E6', name: 'Talviaika', date: '2026-10-26', startTime: '10:00' },
      ],
    });
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20261025T023000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20261025T033000\r\n');
    const feed = parse(text);
    expect(utc(feed.byUid('event-E4@kohtaamo').startDate)).toBe('2026-10-24T23:30:00.000Z');
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(
      utc(feed.byUid('event-E5@kohtaamo').startDate),
    );
    expect(utc(feed.byUid('event-E6@kohtaamo').startDate)).toBe('2026-10-26T08:00:00.000Z');
  });

  it('makes an event without a time an all-day entry and stamps every entry in UTC', () => {
    const text = buildCalendarFeed({
      ...base,
      events: [{ id: 'E7', name: 'Markkinat', date: '2026-10-25' }],
    });
    const event = parse(text).byUid('event-E7@kohtaamo');
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-10-25');
    expect(text).toContain('DTSTAMP:20260328T223000Z\r\n');
    expect(event.component.getFirstPropertyValue('url')).toBe('https://kohtaamo.example/events/E7');
  });

  it('reaches from 30 days back to a year ahead', () => {
    expect(calendarFeedRange('2026-03-29')).toEqual({ from: '2026-02-27', to: '2027-03-29' });
  });
});

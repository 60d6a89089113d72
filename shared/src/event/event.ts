// Pure rules of events: when one happened, and the id of the contact that puts it on an
// attending association's timeline (the same id every time, so it is never logged twice).
import { idFromSeed } from '../ids';
import { helsinkiInstant } from '../time/helsinki';
import type { Event } from './event.schema';

/** The id of the contact that puts `eventId` on the timeline of `associationId`. */
export const eventInteractionId = (eventId: string, associationId: string) =>
  idFromSeed(`${eventId}:${associationId}:event`);

/** When the event happened: its day at its start time (noon without one), Helsinki time. */
export function eventInstant(event: Pick<Event, 'date' | 'startTime'>): string {
  const [hour, minute] = (event.startTime ?? '12:00').split(':').map(Number) as [number, number];
  return new Date(helsinkiInstant(event.date, hour).getTime() + minute * 60_000).toISOString();
}

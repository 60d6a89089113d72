// Attendance on the day, and the event on the timelines of the associations that came: each
// association with at least one attendee gets one "event" contact (its id comes from the event and
// the association, so marking attendance again never adds a second one); when nobody of it
// attended after all, the contact is soft-deleted, and it comes back if they did.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { putContactsMet, removeContactsMet } from '../interaction/contacts-met.store';
import { recomputeAssociationSummary } from '../association/association-summary';
import { isMergedAssociation } from '../association/association.store';
import type { Db } from '../db/client';
import { run } from '../db/operations';
import { keys } from '../db/table';
import { ConflictError } from '../errors';
import { getInteractionRef } from '../interaction/interaction.store';
import { logContact } from '../interaction/log-contact';
import type { Event, Registration } from './event.schema';
import { eventInstant, eventInteractionId } from './event';
import { getEventWithDetails, setAttended } from './event.store';
import { membersOfAssociation } from '../person/person.store';

/**
 * Sets who attended (registration ids in `attended`; everyone else did not), checking each changed
 * registration against the version the user saw, then brings the timelines in step.
 */
export async function markAttendance(
  db: Db,
  workspaceId: string,
  request: {
    eventId: string;
    attended: ReadonlySet<string>;
    versions: ReadonlyMap<string, number>;
    by: string;
  },
): Promise<{ changed: number }> {
  const { event, registrations } = await getEventWithDetails(db, workspaceId, request.eventId);
  const changes = registrations.filter((r) => r.attended !== request.attended.has(r.id));
  // Someone else changed a registration since the page was loaded: nothing is written.
  if (changes.some((r) => request.versions.has(r.id) && request.versions.get(r.id) !== r.version)) {
    throw new ConflictError();
  }
  for (const registration of changes) {
    await setAttended(db, workspaceId, {
      eventId: event.id,
      id: registration.id,
      expectedVersion: registration.version,
      attended: request.attended.has(registration.id),
    });
  }
  const updated = changes.length
    ? (await getEventWithDetails(db, workspaceId, event.id)).registrations
    : registrations;
  await syncEventInteractions(db, workspaceId, event, updated, request.by);
  return { changed: changes.length };
}

/** Makes each registered association's event contact match its attendance. */
export async function syncEventInteractions(
  db: Db,
  workspaceId: string,
  event: Event,
  registrations: readonly Registration[],
  by: string,
): Promise<void> {
  const byAssociation = new Map<string, Registration[]>();
  for (const registration of registrations) {
    if (!registration.associationId) continue;
    byAssociation.set(registration.associationId, [
      ...(byAssociation.get(registration.associationId) ?? []),
      registration,
    ]);
  }
  const now = db.now().toISOString();
  for (const [associationId, regs] of byAssociation) {
    const came = regs.filter((r) => r.attended);
    const id = eventInteractionId(event.id, associationId);
    const ref = await getInteractionRef(db, workspaceId, associationId, id);
    // People met are the association's own (current or former roles): someone registered under
    // an association they have no role in still counts in the registrations, not on its timeline.
    const registered = [...new Set(came.flatMap((r) => (r.personId ? [r.personId] : [])))];
    const members = await membersOfAssociation(db, workspaceId, associationId, registered);
    const personIds = registered.filter((personId) => members.has(personId));
    if (came.length > 0 && !ref) {
      try {
        await logContact(db, workspaceId, {
          staffId: by,
          // Dated at the event, which may lie ahead: the wide date rule, never the contact one.
          occurredAtRange: 'other',
          input: {
            interaction: {
              id,
              associationId,
              kind: 'event',
              outcome: 'held',
              occurredAt: eventInstant(event),
              personIds,
              topics: event.theme ? [event.theme.slice(0, 80)] : [],
              notes: event.name,
              eventId: event.id,
            },
          },
        });
      } catch (error) {
        // A registered association merged into another meanwhile: its registration keeps the count.
        // Any other refusal is an error to see, never a contact silently left out.
        if (!isMergedAssociation(error)) throw error;
      }
      continue;
    }
    if (!ref) continue;
    const met = { associationId, occurredAt: ref.occurredAt, id };
    if (came.length > 0) await putContactsMet(db, workspaceId, met, personIds);
    const before = await run(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.interaction(workspaceId, associationId, ref.occurredAt, id),
          UpdateExpression:
            came.length > 0
              ? 'SET personIds = :people REMOVE deletedAt, deletedBy'
              : 'SET deletedAt = if_not_exists(deletedAt, :now), deletedBy = if_not_exists(deletedBy, :by)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: came.length > 0 ? { ':people': personIds } : { ':now': now, ':by': by },
          ReturnValues: 'ALL_OLD',
        }),
      ),
    );
    const left = ((before.Attributes?.personIds as string[] | undefined) ?? []).filter(
      (personId) => came.length === 0 || !personIds.includes(personId),
    );
    await removeContactsMet(db, workspaceId, met, left);
    await recomputeAssociationSummary(db, workspaceId, associationId);
  }
}

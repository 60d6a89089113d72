// GDPR subject access (Art. 15): everything Kohtaamo holds about one person, as one document
// that the page shows and the JSON download carries.
import { recordAudit } from '../audit/audit.store';
import type { Db } from '../db/client';
import type { InteractionKind, InteractionOutcome } from '../interaction/interaction.schema';
import type { Membership, Person } from '../person/person.schema';
import { getPerson } from '../person/person.store';
import { listContactMetEntries } from '../interaction/contacts-met.store';
import { interactionsWithPerson, membershipsOfPerson } from './erase-person';
import { getEvent, listRegistrationsOfPerson } from '../event/event.store';

export interface SubjectAccessReport {
  exportedAt: string;
  workspaceId: string;
  person: Omit<Person, 'sv' | 'workspaceId'>;
  memberships: Pick<Membership, 'associationId' | 'associationName' | 'role' | 'startDate' | 'endDate'>[];
  interactions: {
    id: string;
    associationId: string;
    associationName: string;
    kind: InteractionKind;
    occurredAt: string;
    outcome?: InteractionOutcome;
    topics: string[];
    notes?: string;
  }[];
  /** The reverse entries that list the contacts where the person was met (pattern 37), as held. */
  contactsMet: { interactionId: string; associationId: string; occurredAt: string }[];
  registrations: {
    eventId: string;
    eventName: string;
    eventDate: string;
    attended: boolean;
    email?: string;
    dietary?: string;
    accessibility?: string;
  }[];
}

export async function subjectAccessReport(
  db: Db,
  workspaceId: string,
  input: { personId: string; by: string },
): Promise<SubjectAccessReport> {
  const person = await getPerson(db, workspaceId, input.personId);
  const memberships = await membershipsOfPerson(db, workspaceId, person.id);
  const interactions: SubjectAccessReport['interactions'] = [];
  // One association's contacts once, however many role periods the person held in it.
  const associationNames = new Map(memberships.map((m) => [m.associationId, m.associationName]));
  for (const [associationId, associationName] of associationNames) {
    for (const interaction of await interactionsWithPerson(db, workspaceId, associationId, person.id)) {
      if (interaction.deletedAt) continue;
      interactions.push({
        id: interaction.id,
        associationId: interaction.associationId,
        associationName,
        kind: interaction.kind,
        occurredAt: interaction.occurredAt,
        ...(interaction.outcome ? { outcome: interaction.outcome } : {}),
        topics: interaction.topics,
        ...(interaction.notes ? { notes: interaction.notes } : {}),
      });
    }
  }
  interactions.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const contactsMet = (await listContactMetEntries(db, workspaceId, person.id)).map((entry) => ({
    interactionId: entry.interactionId,
    associationId: entry.associationId,
    occurredAt: entry.occurredAt,
  }));
  const registrations: SubjectAccessReport['registrations'] = [];
  for (const registration of await listRegistrationsOfPerson(db, workspaceId, person.id)) {
    const event = await getEvent(db, workspaceId, registration.eventId).catch(() => undefined);
    registrations.push({
      eventId: registration.eventId,
      eventName: event?.name ?? '–',
      eventDate: event?.date ?? '',
      attended: registration.attended,
      ...(registration.email ? { email: registration.email } : {}),
      ...(registration.dietary ? { dietary: registration.dietary } : {}),
      ...(registration.accessibility ? { accessibility: registration.accessibility } : {}),
    });
  }
  await recordAudit(db, workspaceId, {
    actorId: input.by,
    action: 'person.access',
    entityType: 'person',
    entityId: person.id,
  });
  const { sv: _sv, workspaceId: _ws, ...personFields } = person;
  return {
    exportedAt: db.now().toISOString(),
    workspaceId,
    person: personFields,
    memberships: memberships.map((m) => ({
      associationId: m.associationId,
      associationName: m.associationName,
      role: m.role,
      ...(m.startDate ? { startDate: m.startDate } : {}),
      ...(m.endDate ? { endDate: m.endDate } : {}),
    })),
    interactions,
    contactsMet,
    registrations,
  };
}

// Events against dynalite: registrations from several associations, attendance marked on the day
// (and kept on the associations' timelines, once), feedback on the 4-point scale checked against
// the event's own questions, and the public feedback link.
import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../errors';
import { newId } from '../ids';
import { listTimeline } from '../interaction/interaction.store';
import { addMembership, createPerson } from '../person/person.store';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { markAttendance } from './event-attendance';
import { eventInteractionId } from './event';
import { distribution, likertField, openField } from './event-feedback';
import { recordFeedback } from './event-feedback.store';
import {
  addRegistration,
  createEvent,
  findFeedbackLink,
  getEventWithDetails,
  listEvents,
} from './event.store';

const db = testDb({ now: () => new Date('2026-10-05T12:00:00.000Z') });

async function setUp() {
  const workspace = await freshWorkspace(db);
  const associations = await Promise.all(
    ['Iisalmen Invalidit ry', 'Kuopion Kerho ry', 'Suonenjoen Sydän ry', 'Varkauden Vertaiset ry'].map(
      (name) => addAssociation(db, workspace, { name }),
    ),
  );
  const person = await createPerson(db, workspace.id, { id: newId(), input: { name: 'Pirkko Pöntinen' } });
  await addMembership(db, workspace.id, {
    id: newId(),
    associationId: associations[0]!.id,
    personId: person.id,
    role: 'chair',
  });
  const event = await createEvent(db, workspace.id, {
    id: newId(),
    by: 'anna',
    input: {
      name: 'Pienmarkkinat Iisalmessa',
      kind: 'pienmarkkinat',
      date: '2026-10-03',
      startTime: '10:00',
      municipality: 'Iisalmi',
      theme: 'Vertaistuki',
    },
  });
  // 10 registrations from 4 associations: 3, 3, 2, 2.
  const registrations = [];
  for (const [index, count] of [3, 3, 2, 2].entries()) {
    for (let n = 0; n < count; n++) {
      const linked = index === 0 && n === 0;
      registrations.push(
        await addRegistration(db, workspace.id, {
          eventId: event.id,
          id: newId(),
          by: 'anna',
          input: {
            associationId: associations[index]!.id,
            ...(linked ? { personId: person.id } : { name: `Osallistuja ${index}-${n}` }),
            dietary: n === 1 ? 'gluteeniton' : '',
          },
        }),
      );
    }
  }
  return { workspace, associations, person, event, registrations };
}

describe('events', () => {
  it('puts an event a month ahead on the timelines, leaving out a person met who has no role in that association', async () => {
    const { workspace, associations, person } = await setUp();
    const event = await createEvent(db, workspace.id, {
      id: newId(),
      by: 'anna',
      input: { name: 'Foorumi Kuopiossa', kind: 'foorumi', date: '2026-11-04', municipality: 'Kuopio' },
    });
    // Pirkko is the chair of the first association but registers with the second.
    const registrations = await Promise.all(
      [
        { associationId: associations[1]!.id, personId: person.id },
        { associationId: associations[1]!.id, name: 'Kaisa Kuopiolainen' },
        { associationId: associations[0]!.id, personId: person.id },
      ].map((input) =>
        addRegistration(db, workspace.id, { eventId: event.id, id: newId(), by: 'anna', input }),
      ),
    );
    await markAttendance(db, workspace.id, {
      eventId: event.id,
      attended: new Set(registrations.map((r) => r.id)),
      versions: new Map(),
      by: 'anna',
    });
    const [first, second] = await Promise.all(
      [associations[0]!, associations[1]!].map(
        async (association) => (await listTimeline(db, workspace.id, association.id)).items,
      ),
    );
    expect(second).toEqual([
      expect.objectContaining({ eventId: event.id, occurredAt: '2026-11-04T10:00:00.000Z', personIds: [] }),
    ]);
    expect(first).toEqual([expect.objectContaining({ eventId: event.id, personIds: [person.id] })]);
  });

  it('marks 8 of 10 attended and puts the event once on the timelines of the associations that came', async () => {
    const { workspace, associations, person, event, registrations } = await setUp();
    expect(registrations[0]?.name).toBe('Pirkko Pöntinen');
    const attended = new Set(registrations.slice(0, 8).map((r) => r.id));
    const versions = new Map(registrations.map((r) => [r.id, r.version]));
    expect(
      (await markAttendance(db, workspace.id, { eventId: event.id, attended, versions, by: 'anna' })).changed,
    ).toBe(8);
    // Marking the same again changes nothing and adds no second contact.
    await markAttendance(db, workspace.id, { eventId: event.id, attended, versions: new Map(), by: 'anna' });

    const details = await getEventWithDetails(db, workspace.id, event.id);
    expect(details.registrations.filter((r) => r.attended)).toHaveLength(8);
    const came = new Set(details.registrations.filter((r) => r.attended).map((r) => r.associationId));
    expect(came.size).toBe(3);
    for (const [index, association] of associations.entries()) {
      const timeline = (await listTimeline(db, workspace.id, association.id)).items;
      if (index < 3) {
        expect(timeline).toEqual([
          expect.objectContaining({
            id: eventInteractionId(event.id, association.id),
            kind: 'event',
            outcome: 'held',
            eventId: event.id,
            notes: 'Pienmarkkinat Iisalmessa',
            occurredAt: '2026-10-03T07:00:00.000Z',
          }),
        ]);
      } else {
        expect(timeline).toEqual([]);
      }
    }
    expect((await listTimeline(db, workspace.id, associations[0]!.id)).items[0]?.personIds).toEqual([
      person.id,
    ]);

    // Nobody of the third association came after all: its contact leaves the timeline, and returns.
    const withoutThird = new Set(
      [...attended].filter((id) => !registrations.slice(6, 8).some((r) => r.id === id)),
    );
    const current = new Map(details.registrations.map((r) => [r.id, r.version]));
    await markAttendance(db, workspace.id, {
      eventId: event.id,
      attended: withoutThird,
      versions: current,
      by: 'anna',
    });
    expect((await listTimeline(db, workspace.id, associations[2]!.id)).items).toEqual([]);
    await markAttendance(db, workspace.id, { eventId: event.id, attended, versions: new Map(), by: 'anna' });
    expect((await listTimeline(db, workspace.id, associations[2]!.id)).items).toHaveLength(1);
  });

  it('refuses attendance marked on a stale page, writing nothing', async () => {
    const { workspace, event, registrations } = await setUp();
    const stale = new Map(registrations.map((r) => [r.id, r.version + 5]));
    await expect(
      markAttendance(db, workspace.id, {
        eventId: event.id,
        attended: new Set([registrations[0]!.id]),
        versions: stale,
        by: 'anna',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(
      (await getEventWithDetails(db, workspace.id, event.id)).registrations.every((r) => !r.attended),
    ).toBe(true);
  });

  it('takes feedback on the 4-point scale, refuses what is off the scale or empty, and counts the distribution', async () => {
    const { workspace, event } = await setUp();
    const answers = [
      { useful: '4', learned: '3', best: 'Uudet tuttavuudet' },
      { useful: '4', learned: '4' },
      { useful: '3', organised: '2' },
      { useful: '1', wishes: 'Enemmän aikaa keskusteluun' },
    ];
    for (const answer of answers) {
      const values = Object.fromEntries(
        Object.entries(answer).map(([id, value]) => [
          ['best', 'wishes'].includes(id) ? openField(id) : likertField(id),
          value,
        ]),
      );
      await recordFeedback(db, workspace.id, event, { id: newId(), values, source: 'public' });
    }
    await expect(
      recordFeedback(db, workspace.id, event, {
        id: newId(),
        values: { [likertField('useful')]: '7' },
        source: 'public',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordFeedback(db, workspace.id, event, { id: newId(), values: {}, source: 'public' }),
    ).rejects.toThrow(/at least one question/);
    const { feedback } = await getEventWithDetails(db, workspace.id, event.id);
    expect(feedback).toHaveLength(4);
    const [useful, learned, , organised] = distribution(event.questions, feedback);
    expect(useful).toEqual({ questionId: 'useful', counts: [1, 0, 1, 2], answered: 4, mean: 3 });
    expect(learned?.counts).toEqual([0, 0, 1, 1]);
    expect(organised?.counts).toEqual([0, 1, 0, 0]);
    expect(feedback.flatMap((f) => Object.values(f.open)).sort()).toEqual([
      'Enemmän aikaa keskusteluun',
      'Uudet tuttavuudet',
    ]);
  });

  it('finds the event of its public feedback link, and nothing for a made-up token; lists events by date', async () => {
    const { workspace, event } = await setUp();
    expect(await findFeedbackLink(db, event.feedbackToken)).toEqual({
      workspaceId: workspace.id,
      eventId: event.id,
    });
    expect(await findFeedbackLink(db, 'x'.repeat(32))).toBeUndefined();
    expect(await findFeedbackLink(db, '../../etc')).toBeUndefined();
    expect(
      (await listEvents(db, workspace.id, { from: '2026-10-03', to: '2026-10-03' })).map((e) => e.id),
    ).toEqual([event.id]);
    expect(await listEvents(db, workspace.id, { from: '2026-10-04' })).toEqual([]);
  });
});

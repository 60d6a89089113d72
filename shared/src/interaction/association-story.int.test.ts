// An association's story (pattern 41) against dynalite: contacts, stage changes and tasks created
// and completed, newest first, the same whatever the page size (nothing skipped or shown twice),
// in a fixed number of reads a page, behind a cursor that works only for its own story.
import { describe, expect, it } from 'vitest';
import { addAssociation, injectFault, staffedWorkspace, testDb } from '../../../test/support/test-db';
import { ConflictError, ValidationError } from '../errors';
import { cancelFollowUp, closeFollowUp, createTask } from '../follow-up/follow-up-actions';
import { getFollowUp } from '../follow-up/follow-up.store';
import { newId } from '../ids';
import { addMembership, createPerson } from '../person/person.store';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import { listAssociationStory, type StoryEntry } from './association-story';
import { deleteInteraction } from './correct-interaction';
import { logContact } from './log-contact';

let clock = new Date('2026-03-02T07:00:00.000Z');
const db = testDb({ now: () => clock });
/** Each fact a minute after the one before, so their order is plain. */
const tick = () => (clock = new Date(clock.getTime() + 60_000));

const labelOf = (entry: StoryEntry): string => {
  switch (entry.kind) {
    case 'contact':
      return `contact:${entry.interaction.id}`;
    case 'stage':
      return `stage:${entry.change.to}`;
    default:
      return `${entry.kind}:${entry.task.id}`;
  }
};

async function readWhole(workspaceId: string, associationId: string, limit: number) {
  const labels: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listAssociationStory(db, workspaceId, associationId, { cursor, limit });
    labels.push(...page.entries.map(labelOf));
    cursor = page.cursor;
    pages += 1;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return labels;
}

/** A story of 14 entries; `expected` is written down as each fact is made, oldest first. */
async function tellStory() {
  const workspace = await staffedWorkspace(db);
  const association = await addAssociation(db, workspace);
  const expected = [`stage:${association.stage}`];
  const person = await createPerson(db, workspace.id, {
    id: newId(),
    input: { name: 'Paula Puheenjohtaja' },
  });
  await addMembership(db, workspace.id, {
    id: newId(),
    associationId: association.id,
    personId: person.id,
    role: 'chair',
  });
  const log = async (nextFollowUp?: { due: string; title: string }) => {
    tick();
    const result = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: {
          id: newId(),
          associationId: association.id,
          kind: 'call',
          occurredAt: clock.toISOString(),
          outcome: 'reached',
          personIds: [person.id],
        },
        ...(nextFollowUp ? { nextFollowUp } : {}),
      },
    });
    // A follow-up made with the contact shows with it, not as a task created on its own.
    expected.push(`contact:${result.interaction.id}`);
    return result;
  };
  const task = async (title: string) => {
    tick();
    const created = await createTask(
      db,
      workspace.id,
      { id: newId(), associationId: association.id, title, due: '2026-03-20', assigneeId: 'anna' },
      'anna',
    );
    expected.push(`taskCreated:${created.id}`);
    return created;
  };
  const move = async (to: string) => {
    tick();
    await moveAssociationStage(db, workspace, { associationId: association.id, input: { to }, by: 'anna' });
    expected.push(`stage:${to}`);
  };
  const close = async (id: string, version: number, note?: string) => {
    tick();
    await closeFollowUp(
      db,
      workspace.id,
      { associationId: association.id, id, expectedVersion: version, ...(note ? { note } : {}) },
      'anna',
    );
    expected.push(`taskDone:${id}`);
  };

  const [, second, third, fourth] = workspace.stages.map((s) => s.code);
  await log();
  const letter = await task('Lähetä tarjotinohjeet');
  await move(second!);
  const deleted = await log();
  await close(letter.id, letter.version, 'Ohjeet lähetetty sähköpostilla');
  const mistaken = await task('Väärä tehtävä');
  tick();
  await cancelFollowUp(
    db,
    workspace.id,
    { associationId: association.id, id: mistaken.id, expectedVersion: mistaken.version },
    'anna',
  );
  expected.splice(expected.indexOf(`taskCreated:${mistaken.id}`), 1);
  await log({ due: '2026-03-25', title: 'Soita uudelleen' });
  await move(third!);
  for (let i = 0; i < 3; i++) await log();
  const visit = await task('Hallituksen kokous');
  await move(fourth!);
  await close(visit.id, visit.version);
  await log();
  tick();
  await deleteInteraction(
    db,
    workspace.id,
    {
      associationId: association.id,
      id: deleted.interaction.id,
      expectedVersion: deleted.interaction.version,
    },
    'anna',
  );
  expected.splice(expected.indexOf(`contact:${deleted.interaction.id}`), 1);
  return { workspace, association, expected: expected.reverse(), letter, person };
}

describe('the story of an association (pattern 41)', () => {
  it('merges contacts, stage changes and tasks newest first, the same at every page size', async () => {
    const { workspace, association, expected } = await tellStory();
    expect(expected).toHaveLength(14);
    for (const limit of [1, 2, 3, 5, 20]) {
      expect(await readWhole(workspace.id, association.id, limit), `page size ${limit}`).toEqual(expected);
    }
  });

  it('keeps order when a deleted contact ends a read early (an older task waits for newer contacts)', async () => {
    const workspace = await staffedWorkspace(db);
    tick();
    const association = await addAssociation(db, workspace);
    tick();
    const task = await createTask(
      db,
      workspace.id,
      { id: newId(), associationId: association.id, title: 'Soita', due: '2026-03-20', assigneeId: 'anna' },
      'anna',
    );
    const call = async () => {
      tick();
      const id = newId();
      const { interaction } = await logContact(db, workspace.id, {
        staffId: 'anna',
        input: {
          interaction: {
            id,
            associationId: association.id,
            kind: 'call',
            occurredAt: clock.toISOString(),
            outcome: 'reached',
            personIds: [],
          },
        },
      });
      return interaction;
    };
    const older = await call();
    const removed = await call();
    const newest = await call();
    await deleteInteraction(
      db,
      workspace.id,
      { associationId: association.id, id: removed.id, expectedVersion: removed.version },
      'anna',
    );
    const expected = [
      `contact:${newest.id}`,
      `contact:${older.id}`,
      `taskCreated:${task.id}`,
      `stage:${association.stage}`,
    ];
    for (const limit of [1, 2, 3, 4]) {
      expect(await readWhole(workspace.id, association.id, limit), `page size ${limit}`).toEqual(expected);
    }
  });

  it('carries what the story shows: the completion note, the people met, who logged it', async () => {
    const { workspace, association, letter, person } = await tellStory();
    const { entries } = await listAssociationStory(db, workspace.id, association.id, { limit: 50 });
    const done = entries.find((e) => e.kind === 'taskDone' && e.task.id === letter.id);
    expect(done?.kind === 'taskDone' && done.task.completionNote).toBe('Ohjeet lähetetty sähköpostilla');
    const withFollowUp = entries.find((e) => e.kind === 'contact' && e.followUps.length > 0);
    expect(withFollowUp?.kind === 'contact' && withFollowUp.followUps.map((f) => f.title)).toEqual([
      'Soita uudelleen',
    ]);
    const contact = entries.find((e) => e.kind === 'contact');
    expect(contact?.kind === 'contact' && contact.interaction.personIds).toEqual([person.id]);
    expect(contact?.kind === 'contact' && contact.interaction.staffId).toBe('anna');
    const stage = entries.find((e) => e.kind === 'stage');
    expect(stage?.kind === 'stage' && stage.change.from).toBeTruthy();
  });

  it('reads a page in at most three queries, whatever the size of the story', async () => {
    const { workspace, association } = await tellStory();
    for (const limit of [2, 5]) {
      let cursor: string | undefined;
      do {
        const counter = injectFault(db, { command: 'QueryCommand', error: () => new Error(), times: 0 });
        const page = await listAssociationStory(db, workspace.id, association.id, { cursor, limit });
        counter.remove();
        expect(counter.attempts()).toBeLessThanOrEqual(3);
        expect(counter.attempts()).toBeGreaterThan(0);
        cursor = page.cursor;
      } while (cursor);
    }
  });

  it('refuses a forged cursor and one borrowed from another association', async () => {
    const { workspace, association } = await tellStory();
    const other = await addAssociation(db, workspace, { name: 'Toinen ry' });
    const { cursor } = await listAssociationStory(db, workspace.id, association.id, { limit: 2 });
    expect(cursor).toBeDefined();
    await expect(listAssociationStory(db, workspace.id, other.id, { cursor })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      listAssociationStory(db, workspace.id, association.id, { cursor: `${cursor}x` }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('completes a task only at the version the user saw, keeping its note', async () => {
    const workspace = await staffedWorkspace(db);
    const association = await addAssociation(db, workspace);
    const task = await createTask(
      db,
      workspace.id,
      { id: newId(), associationId: association.id, title: 'Soita', due: '2026-03-20', assigneeId: 'anna' },
      'anna',
    );
    const ref = { associationId: association.id, id: task.id };
    await expect(
      closeFollowUp(db, workspace.id, { ...ref, expectedVersion: task.version + 1, note: 'x' }, 'anna'),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getFollowUp(db, workspace.id, association.id, task.id)).status).toBe('open');
    await expect(
      closeFollowUp(
        db,
        workspace.id,
        { ...ref, expectedVersion: task.version, note: 'x'.repeat(501) },
        'anna',
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    await closeFollowUp(
      db,
      workspace.id,
      { ...ref, expectedVersion: task.version, note: ' Sovittu ' },
      'anna',
    );
    const done = await getFollowUp(db, workspace.id, association.id, task.id);
    expect(done).toMatchObject({ status: 'done', completionNote: 'Sovittu', completedBy: 'anna' });
  });
});

import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, crash, freshWorkspace, injectFault, testDb } from '../../../test/support/test-db';
import { getAssociation } from '../association/association.store';
import { repairWorkspace } from '../db/repair';
import { keys } from '../db/table';
import { ValidationError } from '../errors';
import {
  getFollowUp,
  listMyOpenFollowUps,
  listOpenFollowUpsOfAssociation,
  listTeamOpenFollowUps,
} from '../follow-up/follow-up.store';
import { newId } from '../ids';
import { addMembership, createPerson } from '../person/person.store';
import { listInteractionsInMonth, listTimeline } from './interaction.store';
import { logContact } from './log-contact';

// A fixed clock: 24 November 2026, 10:00 in Helsinki.
const now = new Date('2026-11-24T08:00:00.000Z');
const db = testDb({ now: () => now });

function call(associationId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: newId(),
    associationId,
    kind: 'call',
    occurredAt: now.toISOString(),
    outcome: 'reached',
    notes: 'Puhuttiin tarjottimesta.',
    ...overrides,
  };
}

async function partitionItems(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.associationPartition(workspaceId, associationId) },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

async function storedProfile(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.association(workspaceId, associationId) }),
  );
  return result.Item ?? {};
}

describe('logging a contact', () => {
  it('pattern 3: the timeline lists interactions newest first, across pages', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const times = ['2026-03-01T10:00:00.000Z', '2026-11-20T12:00:00.000Z', '2026-06-15T09:30:00.000Z'];
    for (const occurredAt of times) {
      await logContact(db, workspace.id, {
        staffId: 'anna',
        input: { interaction: call(association.id, { occurredAt }) },
      });
    }
    const first = await listTimeline(db, workspace.id, association.id, { limit: 2 });
    const second = await listTimeline(db, workspace.id, association.id, { cursor: first.cursor, limit: 2 });
    expect([...first.items, ...second.items].map((i) => i.occurredAt)).toEqual([
      times[1],
      times[2],
      times[0],
    ]);
    expect(second.cursor).toBeUndefined();
  });

  it('pattern 9: lists the interactions of a Helsinki month, counting a 23:30 UTC contact in the next month', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    // 31 Oct 2026 23:30 UTC is 1 Nov 01:30 in Helsinki (EET, UTC+2).
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id, { occurredAt: '2026-10-31T23:30:00.000Z' }) },
    });
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id, { occurredAt: '2026-10-15T08:00:00.000Z' }) },
    });
    expect((await listInteractionsInMonth(db, workspace.id, '2026-11')).items).toHaveLength(1);
    expect((await listInteractionsInMonth(db, workspace.id, '2026-10')).items).toHaveLength(1);
  });

  it('patterns 4c, 5 and 6: a follow-up appears for the association, its assignee and the team', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const later = await addAssociation(db, workspace, { name: 'Toinen ry' });
    const { followUp } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id), nextFollowUp: { due: '2026-12-31' } },
    });
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(later.id), nextFollowUp: { due: '2026-12-01', assigneeId: 'ville' } },
    });
    expect((await listOpenFollowUpsOfAssociation(db, workspace.id, association.id)).map((f) => f.id)).toEqual(
      [followUp?.id],
    );
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items.map((f) => f.due)).toEqual([
      '2026-12-31',
    ]);
    expect((await listMyOpenFollowUps(db, workspace.id, 'ville')).items.map((f) => f.due)).toEqual([
      '2026-12-01',
    ]);
    expect((await listTeamOpenFollowUps(db, workspace.id)).items.map((f) => f.due)).toEqual([
      '2026-12-01',
      '2026-12-31',
    ]);
    const summary = await getAssociation(db, workspace.id, association.id);
    expect(summary.lastContactAt).toBe(now.toISOString());
    expect(summary.nextFollowUpDue).toBe('2026-12-31');
    expect(summary.openFollowUpCount).toBe(1);
  });

  it('completing a follow-up by logging the call that closes it removes it from every open list', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const { followUp } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id), nextFollowUp: { due: '2026-11-30' } },
    });
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: call(association.id),
        completesFollowUpId: followUp?.id,
        nextFollowUp: { due: '2027-01-15' },
      },
    });
    const done = await getFollowUp(db, workspace.id, association.id, followUp?.id as string);
    expect(done.status).toBe('done');
    expect((await listMyOpenFollowUps(db, workspace.id, 'anna')).items.map((f) => f.due)).toEqual([
      '2027-01-15',
    ]);
    expect((await getAssociation(db, workspace.id, association.id)).nextFollowUpDue).toBe('2027-01-15');
  });

  it('a resubmitted form logs the contact and its follow-up once', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const input = { interaction: call(association.id), nextFollowUp: { due: '2026-12-15' } };
    await logContact(db, workspace.id, { staffId: 'anna', input });
    // The retry says a later time (the form was re-rendered): still the same contact.
    const retried = {
      ...input,
      interaction: { ...input.interaction, occurredAt: '2026-11-24T08:05:00.000Z' },
    };
    await logContact(db, workspace.id, { staffId: 'anna', input: retried });
    const items = await partitionItems(workspace.id, association.id);
    expect(items.filter((i) => i.type === 'interaction')).toHaveLength(1);
    expect(items.filter((i) => i.type === 'followUp')).toHaveLength(1);
    expect((await getAssociation(db, workspace.id, association.id)).openFollowUpCount).toBe(1);
  });

  it('rejects a follow-up due in the past with a field message and writes nothing', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const error = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id), nextFollowUp: { due: '2026-11-23' } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => f.field)).toEqual(['nextFollowUp.due']);
    const types = (await partitionItems(workspace.id, association.id)).map((i) => i.type).sort();
    expect(types).toEqual(['association', 'duplicateEntry', 'municipalityEntry', 'stageChange']);
  });

  it('rejects an outcome that does not fit the kind and a follow-up of another association', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const other = await addAssociation(db, workspace);
    const { followUp } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(other.id), nextFollowUp: { due: '2026-12-01' } },
    });
    await expect(
      logContact(db, workspace.id, {
        staffId: 'anna',
        input: { interaction: call(association.id, { kind: 'visit', outcome: 'no_answer' }) },
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'interaction.outcome' }] });
    await expect(
      logContact(db, workspace.id, {
        staffId: 'anna',
        input: { interaction: call(association.id), completesFollowUpId: followUp?.id },
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await partitionItems(workspace.id, association.id)).some((i) => i.type === 'interaction')).toBe(
      false,
    );
  });

  it.each([
    [
      'after the interaction, before the follow-up',
      'PutItemCommand',
      (i: Record<string, unknown>) => JSON.stringify(i).includes('"FOLLOWUP#'),
    ],
    [
      'before the summary',
      'UpdateItemCommand',
      (i: Record<string, unknown>) => String(i.UpdateExpression).includes('summaryRev'),
    ],
  ])('a crash %s leaves facts that repair and a retry make whole', async (_label, command, when) => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const input = { interaction: call(association.id), nextFollowUp: { due: '2027-01-31' } };
    const fault = injectFault(db, { command, when, error: crash, times: 1 });
    await expect(logContact(db, workspace.id, { staffId: 'anna', input })).rejects.toThrow('Simulated crash');
    fault.remove();
    // The stored summary (read raw: a read through the store would already heal it).
    expect((await storedProfile(workspace.id, association.id)).lastContactAt).toBeUndefined();

    // repair recomputes the summary from the facts that were written.
    await repairWorkspace(db, workspace.id);
    expect((await getAssociation(db, workspace.id, association.id)).lastContactAt).toBe(now.toISOString());

    // The user's retry finishes the rest without duplicating anything.
    await logContact(db, workspace.id, { staffId: 'anna', input });
    const items = await partitionItems(workspace.id, association.id);
    expect(items.filter((i) => i.type === 'interaction')).toHaveLength(1);
    expect(items.filter((i) => i.type === 'followUp')).toHaveLength(1);
    const summary = await getAssociation(db, workspace.id, association.id);
    expect(summary.nextFollowUpDue).toBe('2027-01-31');
    expect(summary.openFollowUpCount).toBe(1);
  });

  it('pattern 12: the idempotency record keeps the time the contact was first logged', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const interaction = call(association.id);
    await logContact(db, workspace.id, { staffId: 'anna', input: { interaction } });
    const ref = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.interactionRef(workspace.id, association.id, interaction.id),
      }),
    );
    expect(ref.Item?.occurredAt).toBe(interaction.occurredAt);
  });

  it('refuses a contact dated after tomorrow or before 1990, and a due date nine thousand years ahead', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const refusal = (input: unknown) =>
      logContact(db, workspace.id, { staffId: 'anna', input }).then(
        () => undefined,
        (error: unknown) => error as ValidationError,
      );
    for (const occurredAt of ['2099-01-01T10:00:00.000Z', '1989-12-31T10:00:00.000Z']) {
      const error = await refusal({ interaction: call(association.id, { occurredAt }) });
      expect(error).toBeInstanceOf(ValidationError);
      expect(error?.fields).toEqual([
        {
          field: 'interaction.occurredAt',
          message: expect.objectContaining({ en: expect.stringContaining('1990') }),
        },
      ]);
    }
    const due = await refusal({ interaction: call(association.id), nextFollowUp: { due: '9999-12-31' } });
    expect(due?.fields).toEqual([
      {
        field: 'nextFollowUp.due',
        message: expect.objectContaining({ en: expect.stringContaining('five years') }),
      },
    ]);
    // Tomorrow in Helsinki is still a contact (a late evening abroad); nothing refused was written.
    await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id, { occurredAt: '2026-11-25T12:00:00.000Z' }) },
    });
    const items = await partitionItems(workspace.id, association.id);
    expect(items.filter((i) => i.type === 'interaction')).toHaveLength(1);
  });

  it('takes the people met only from those who are or have been members of the association', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const other = await addAssociation(db, workspace, { name: 'Toinen yhdistys ry' });
    const [current, former, stranger] = await Promise.all(
      ['Nykyinen Jäsen', 'Entinen Jäsen', 'Vieras Henkilö'].map((name) =>
        createPerson(db, workspace.id, { id: newId(), input: { name } }),
      ),
    );
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: current!.id,
      role: 'chair',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: association.id,
      personId: former!.id,
      role: 'secretary',
      startDate: '2019-01-01',
      endDate: '2023-12-31',
    });
    await addMembership(db, workspace.id, {
      id: newId(),
      associationId: other.id,
      personId: stranger!.id,
      role: 'chair',
    });

    const refused = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id, { personIds: [current!.id, stranger!.id] }) },
    }).catch((error: unknown) => error as ValidationError);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields).toEqual([
      {
        field: 'interaction.personIds',
        message: expect.objectContaining({ en: expect.stringContaining('member') }),
      },
    ]);
    expect(
      (await partitionItems(workspace.id, association.id)).filter((i) => i.type === 'interaction'),
    ).toEqual([]);

    const { interaction } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: { interaction: call(association.id, { personIds: [current!.id, former!.id] }) },
    });
    expect(interaction.personIds).toEqual([current!.id, former!.id]);
  });

  it('stores notes and topics without control or bidi characters, line breaks kept in the notes', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const { interaction } = await logContact(db, workspace.id, {
      staffId: 'anna',
      input: {
        interaction: call(association.id, {
          notes: 'Rivi\u0001 yksi\r\n\u202Eowt ivir\u0000',
          topics: ['Tarjotin\u001b', '\u202E'],
        }),
      },
    });
    expect(interaction.notes).toBe('Rivi yksi\nowt ivir');
    expect(interaction.topics).toEqual(['Tarjotin']);
  });
});

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, injectFault, testDb } from '../../../test/support/test-db';
import { keys } from '../db/table';
import { newId } from '../ids';
import { logContact } from '../interaction/log-contact';
import { addDays, helsinkiDate } from '../time/helsinki';
import { getAssociation } from './association.store';
import {
  recomputeSummary,
  summaryBackoffMs,
  summaryFromFacts,
  type SummaryRetryPolicy,
} from './association-summary';

const db = testDb();

function contact(associationId: string, day: number) {
  return {
    interaction: {
      id: newId(),
      associationId,
      kind: 'call',
      occurredAt: new Date(Date.UTC(2026, 9, day, 9)).toISOString(),
    },
    // A year ahead, one day apart: within the five-year rule of new due dates.
    nextFollowUp: { due: addDays(helsinkiDate(new Date()), 365 + day) },
  };
}

async function storedProfile(workspaceId: string, associationId: string) {
  const result = await db.doc.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.association(workspaceId, associationId),
      ConsistentRead: true,
    }),
  );
  return result.Item ?? {};
}

function lostRace(): Error {
  return Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

describe('association summary under contention', () => {
  it('20 parallel contact logs on one association all succeed, and the summary equals a recomputation', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        logContact(db, workspace.id, { staffId: 'anna', input: contact(association.id, i + 1) }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const read = await getAssociation(db, workspace.id, association.id);
    const facts = await summaryFromFacts(db, workspace.id, association.id);
    expect({
      lastContactAt: read.lastContactAt,
      nextFollowUpDue: read.nextFollowUpDue,
      openFollowUpCount: read.openFollowUpCount,
    }).toEqual({ lastContactAt: undefined, nextFollowUpDue: undefined, ...facts });
    expect(facts.openFollowUpCount).toBe(20);
    expect(read.summaryStaleAt).toBeUndefined();
  });

  it('a recomputation that loses every race marks the summary stale, and the next read heals it', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    const waits: number[] = [];
    const policy: SummaryRetryPolicy = {
      maxAttempts: 3,
      baseMs: 10,
      capMs: 250,
      random: () => 0.5,
      sleep: async (ms) => {
        waits.push(ms);
      },
    };
    const fault = injectFault(db, {
      command: 'UpdateItemCommand',
      when: (input) => String(input.UpdateExpression).includes('summaryRev'),
      error: lostRace,
    });
    // Every summary write loses, yet the contact is stored and answers success.
    await expect(
      logContact(db, workspace.id, { staffId: 'anna', input: contact(association.id, 3) }),
    ).resolves.toBeDefined();
    const result = await recomputeSummary(db, workspace.id, association.id, { policy });
    fault.remove();
    expect(result).toMatchObject({ written: false, stale: true });
    expect(waits).toEqual([5, 10]);
    expect((await storedProfile(workspace.id, association.id)).summaryStaleAt).toBeDefined();
    expect((await storedProfile(workspace.id, association.id)).lastContactAt).toBeUndefined();

    const healed = await getAssociation(db, workspace.id, association.id);
    expect(healed.lastContactAt).toBe('2026-10-03T09:00:00.000Z');
    expect(healed.openFollowUpCount).toBe(1);
    expect((await storedProfile(workspace.id, association.id)).summaryStaleAt).toBeUndefined();
  });

  it('repair leaves an up-to-date summary unwritten and rewrites only a wrong one', async () => {
    const workspace = await freshWorkspace(db);
    const association = await addAssociation(db, workspace);
    await logContact(db, workspace.id, { staffId: 'anna', input: contact(association.id, 4) });
    const before = await storedProfile(workspace.id, association.id);
    const unchanged = await recomputeSummary(db, workspace.id, association.id, { onlyIfDifferent: true });
    expect(unchanged.written).toBe(false);
    expect((await storedProfile(workspace.id, association.id)).summaryRev).toBe(before.summaryRev);
  });

  it('backs off with full jitter below a cap that doubles per attempt', () => {
    const policy = { maxAttempts: 8, baseMs: 10, capMs: 250, random: () => 0.999, sleep: async () => {} };
    expect([0, 1, 2, 3, 4, 5].map((attempt) => summaryBackoffMs(policy, attempt))).toEqual([
      9, 19, 39, 79, 159, 249,
    ]);
    expect(summaryBackoffMs({ ...policy, random: () => 0 }, 5)).toBe(0);
  });
});

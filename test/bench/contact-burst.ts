// Bench scenario "contact burst": 200 contacts logged 10 at a time on one association through the
// web app. Every request must answer success (303), exactly 200 contacts must exist, and the
// association's summary must equal a recomputation from the facts (no false conflicts, item 7).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../../shared/src/db/client';
import { keys, sortKeyPrefixes } from '../../shared/src/db/table';
import { createAssociation, getAssociation } from '../../shared/src/association/association.store';
import { summaryFromFacts } from '../../shared/src/association/association-summary';
import { newId } from '../../shared/src/ids';
import { createSession } from '../../shared/src/user/session.store';
import { addMember, createUser } from '../../shared/src/user/user.store';
import { ensureWorkspace } from '../../shared/src/workspace/workspace.store';

export const BURST_CONTACTS = 200;
export const BURST_CONCURRENCY = 10;
const WORKSPACE = 'bench-burst';

type StartWeb = (workspaceId: string) => Promise<{ url: string; stop: () => Promise<void> }>;

async function countContacts(db: Db, associationId: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.associationPartition(WORKSPACE, associationId),
          ':prefix': sortKeyPrefixes.interaction,
        },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Runs the burst; prints its result and returns true when every check held. */
export async function benchmarkContactBurst(db: Db, startWeb: StartWeb): Promise<boolean> {
  const workspace = await ensureWorkspace(db, WORKSPACE, 'Bench burst');
  const association = await createAssociation(db, workspace, {
    id: newId(),
    by: 'burst',
    input: { name: 'Ruuhkayhdistys ry', frame: 'yhdistys', municipalities: ['Kuopio'] },
  });
  await createUser(db, {
    id: 'burst',
    email: 'burst@bench.invalid',
    name: 'Burst',
    passwordHash: 'not-used',
  });
  await addMember(db, { workspaceId: WORKSPACE, userId: 'burst', role: 'staff', name: 'Burst' });
  const { token } = await createSession(db, { userId: 'burst', epoch: 1, workspaceId: WORKSPACE });
  const server = await startWeb(WORKSPACE);
  const statuses = new Map<string, number>();
  const started = performance.now();
  try {
    const url = `${server.url}/associations/${association.id}?/logContact`;
    const post = async (i: number) => {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: `kohtaamo-session=${token}`,
          origin: server.url,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          id: newId(),
          kind: 'call',
          notes: `Soitto ${i}`,
          followUp: i % 2 ? 'week' : 'none',
        }),
      });
      await response.arrayBuffer();
      const key = String(response.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    };
    for (let batch = 0; batch < BURST_CONTACTS / BURST_CONCURRENCY; batch++) {
      await Promise.all(
        Array.from({ length: BURST_CONCURRENCY }, (_, k) => post(batch * BURST_CONCURRENCY + k)),
      );
    }
  } finally {
    await server.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const contacts = await countContacts(db, association.id);
  const stored = await getAssociation(db, WORKSPACE, association.id);
  const facts = await summaryFromFacts(db, WORKSPACE, association.id);
  const summaryMatches =
    stored.openFollowUpCount === facts.openFollowUpCount &&
    stored.lastContactAt === facts.lastContactAt &&
    stored.nextFollowUpDue === facts.nextFollowUpDue;
  const successes = statuses.get('303') ?? 0;
  const ok = successes === BURST_CONTACTS && contacts === BURST_CONTACTS && summaryMatches;
  console.log(
    `\nContact burst: ${BURST_CONTACTS} contacts ${BURST_CONCURRENCY} at a time in ${seconds.toFixed(1)} s: ` +
      `answers ${JSON.stringify(Object.fromEntries(statuses))}, ${contacts} contacts stored, ` +
      `summary ${summaryMatches ? 'equals' : 'DIFFERS FROM'} a recomputation${ok ? '' : '  <-- FAILED'}`,
  );
  return ok;
}

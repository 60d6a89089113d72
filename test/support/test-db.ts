// Test wiring for integration tests: a Db on the shared dynalite, a fresh workspace per test,
// and fault injection through the SDK's middleware stack (throttling, crashes between writes).
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { inject } from 'vitest';
import { createDb, type Db } from '../../shared/src/db/client';
import { ensureTable, localClient } from '../../shared/src/db/local';
import { newId } from '../../shared/src/ids';
import { ensureWorkspace } from '../../shared/src/workspace/workspace.store';
import type { Workspace } from '../../shared/src/workspace/workspace.schema';
import { createAssociation } from '../../shared/src/association/association.store';
import type { Association } from '../../shared/src/association/association.schema';
import { addMember } from '../../shared/src/user/user.store';
import { testTableName } from './global-setup';

export const testCursorSecret = 'test-cursor-secret-that-is-long-enough-0123456789';

export function testDb(options: { now?: () => Date; maxAttempts?: number; table?: string } = {}): Db {
  const maxAttempts = options.maxAttempts ?? 4;
  return createDb({
    table: options.table ?? testTableName,
    region: 'local',
    endpoint: inject('dynamoEndpoint'),
    cursorSecret: testCursorSecret,
    maxAttempts,
    ...(options.now ? { now: options.now } : {}),
    // Same retry policy as production, with millisecond back-off so tests stay fast.
    clientConfig: { retryStrategy: new ConfiguredRetryStrategy(maxAttempts, () => 5) },
  });
}

/**
 * A Db on a table of its own, for tests of whole-table work (the sweeper) whose counts must be exact:
 * on the shared table other test files' items would be counted too.
 */
export async function ownTableDb(options: { now?: () => Date } = {}): Promise<Db> {
  const table = `kohtaamo-own-${newId().toLowerCase().slice(-12)}`;
  const client = localClient(inject('dynamoEndpoint'));
  try {
    await ensureTable(client, table);
  } finally {
    client.destroy();
  }
  return testDb({ ...options, table });
}

let workspaceCounter = 0;

/** A new workspace with the default pipeline: each test arranges its own data in it. */
export async function freshWorkspace(db: Db): Promise<Workspace> {
  workspaceCounter += 1;
  const id = `t-${newId().toLowerCase().slice(-12)}-${workspaceCounter}`;
  return ensureWorkspace(db, id, `Test ${id}`);
}

export async function addAssociation(
  db: Db,
  workspace: Workspace,
  input: Partial<Record<string, unknown>> = {},
): Promise<Association> {
  return createAssociation(db, workspace, {
    id: newId(),
    by: 'test-staff',
    input: { name: 'Testiyhdistys ry', frame: 'yhdistys', municipalities: ['Kuopio'], ...input },
  });
}

export interface Fault {
  /** Low-level command name, e.g. 'PutItemCommand' or 'UpdateItemCommand'. */
  command: string;
  /** Matches the marshalled input; all matching calls fail while `times` lasts. */
  when?: (input: Record<string, unknown>) => boolean;
  error: () => Error;
  times?: number;
}

/** Makes matching calls fail inside the SDK's retry loop; returns how many calls it saw. */
export function injectFault(db: Db, fault: Fault): { attempts: () => number; remove: () => void } {
  let attempts = 0;
  let remaining = fault.times ?? Infinity;
  const name = `fault-${newId()}`;
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (context.commandName === fault.command && (fault.when?.(input) ?? true)) {
        attempts += 1;
        if (remaining > 0) {
          remaining -= 1;
          throw fault.error();
        }
      }
      return next(args);
    },
    // The deserialize step runs inside the retry loop, once per attempt.
    { step: 'deserialize', name },
  );
  return { attempts: () => attempts, remove: () => db.doc.middlewareStack.remove(name) };
}

export function throttlingError(): Error {
  return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

export function crash(): Error {
  return Object.assign(new Error('Simulated crash between writes'), { name: 'SimulatedCrash' });
}

/**
 * A fresh workspace with Anna and Ville as staff (and Veera as a viewer): the people of the task
 * tests, who can be given tasks.
 */
export async function staffedWorkspace(db: Db): Promise<Workspace> {
  const workspace = await freshWorkspace(db);
  for (const [userId, name] of [
    ['anna', 'Anna Heiskanen'],
    ['ville', 'Ville Korhonen'],
  ] as const) {
    await addMember(db, { workspaceId: workspace.id, userId, role: 'staff', name });
  }
  await addMember(db, { workspaceId: workspace.id, userId: 'veera', role: 'viewer', name: 'Veera' });
  return workspace;
}

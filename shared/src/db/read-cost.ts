// What a piece of work costs the table, counted by SDK middleware on the Db's client: round trips
// (every attempt that reached the engine), items examined (a query's or scan's ScannedCount, COUNT
// queries included; a get or batch get examines what it returns) and the scans among them. Items
// examined do not depend on timing, so tests and the bench can hold a read to a budget exactly.
// The web server counts each request's cost the same way and logs it with the request's line.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client';

export interface ReadCost {
  roundTrips: number;
  itemsExamined: number;
  /** Scans sent: a user-facing read never scans (a declared exception lives in table.ts). */
  scans: number;
  /** Round trips per low-level command, e.g. { QueryCommand: 3, BatchGetItemCommand: 1 }. */
  commands: Record<string, number>;
}

const zero = (): ReadCost => ({ roundTrips: 0, itemsExamined: 0, scans: 0, commands: {} });

/** Items examined by one response: ScannedCount for a query or scan, items for a get or batch get. */
export function itemsExaminedBy(command: string, output: Record<string, unknown> | undefined): number {
  if (!output) return 0;
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if (command === 'GetItemCommand') return output.Item ? 1 : 0;
  if (command === 'BatchGetItemCommand' && output.Responses && typeof output.Responses === 'object')
    return Object.values(output.Responses as Record<string, unknown[]>).reduce(
      (sum, items) => sum + items.length,
      0,
    );
  if (command === 'TransactGetItemsCommand' && Array.isArray(output.Responses))
    return output.Responses.filter((r: { Item?: unknown }) => r.Item).length;
  return 0;
}

let meterCounter = 0;

/** Adds the counting middleware; `into()` names the cost it adds to (none: not counted). */
function addCostMiddleware(db: Db, into: () => ReadCost | undefined): string {
  meterCounter += 1;
  const name = `read-meter-${meterCounter}`;
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const cost = into();
      if (!cost) return next(args);
      const command = context.commandName ?? 'unknown';
      cost.roundTrips += 1;
      cost.commands[command] = (cost.commands[command] ?? 0) + 1;
      if (command === 'ScanCommand') cost.scans += 1;
      const response = await next(args);
      cost.itemsExamined += itemsExaminedBy(command, response.output as Record<string, unknown>);
      return response;
    },
    // The deserialize step runs inside the retry loop, once per attempt; 'high' wraps the
    // deserializer, so the engine's answer is there when the work returns.
    { step: 'deserialize', priority: 'high', name },
  );
  return name;
}

const copy = (cost: ReadCost): ReadCost => ({ ...cost, commands: { ...cost.commands } });

/**
 * Counts what the Db's requests cost from now on, until `stop()`. `measure(work)` returns the cost
 * of one piece of work alone (the counts are reset before it).
 */
export function meterReads(db: Db): {
  cost: () => ReadCost;
  measure: <T>(work: () => Promise<T>) => Promise<{ result: T; cost: ReadCost }>;
  stop: () => void;
} {
  let current = zero();
  const name = addCostMiddleware(db, () => current);
  return {
    cost: () => copy(current),
    measure: async (work) => {
      current = zero();
      const result = await work();
      return { result, cost: copy(current) };
    },
    stop: () => db.doc.middlewareStack.remove(name),
  };
}

const requestCost = new AsyncLocalStorage<ReadCost>();

/** Counts every request of the Db into the cost of the work running in `withRequestCost`. */
export function meterRequests(db: Db): void {
  addCostMiddleware(db, () => requestCost.getStore());
}

/** Runs one request's work and returns what it cost the table (with a Db under `meterRequests`). */
export async function withRequestCost<T>(work: () => Promise<T>): Promise<{ result: T; cost: ReadCost }> {
  const cost = zero();
  const result = await requestCost.run(cost, work);
  return { result, cost: copy(cost) };
}

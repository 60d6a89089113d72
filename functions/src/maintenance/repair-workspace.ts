// Lambda: brings derived values back in line with the facts (see shared/src/db/repair.ts).
// Scheduled daily for every workspace (event {"kind":"scheduled-repair"}), or by hand for one
// workspace ({"workspaceId":"..."}). When the function's time runs short it stops between pages
// and invokes itself asynchronously with where it stopped, a bounded number of times.
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { Db } from '@kohtaamo/shared/db/client';
import {
  describeRepair,
  repairAllWorkspaces,
  repairWorkspace,
  totalFixes,
  type RepairFixes,
  type RepairReport,
} from '@kohtaamo/shared/db/repair';
import { workspaceIdSchema } from '@kohtaamo/shared/ids';
import { parseInput } from '@kohtaamo/shared/validation';
import { databaseFromEnvironment } from '../database';
import { lambdaLogger } from '../lambda-logger';
import { logErrorsSafely } from '../middleware/log-errors-safely';

/** Time kept in reserve when stopping: one page of associations takes far less. */
export const STOP_MARGIN_MS = 60_000;
/** A run over every workspace continues itself at most this many times. */
export const MAX_CONTINUATIONS = 50;

const defaultLogger = lambdaLogger('repair-workspace');

const cursorSchema = z.string().min(1).max(4000);

export const repairEventSchema = z.union([
  z
    .object({
      workspaceId: workspaceIdSchema,
      cursor: cursorSchema.optional(),
      continuation: z.number().int().min(0).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('scheduled-repair'),
      resume: z
        .object({ workspaceId: workspaceIdSchema, cursor: cursorSchema.optional() })
        .strict()
        .optional(),
      continuation: z.number().int().min(0).optional(),
    })
    .strict(),
]);
export type RepairEvent = z.output<typeof repairEventSchema>;

export interface RepairResult extends RepairFixes {
  /** Associations checked in this invocation. */
  associations: number;
  reports: RepairReport[];
  /** The event this run invoked itself with to continue, if it stopped early. */
  continuedWith?: RepairEvent;
}

/** Sends the continuation event (asynchronously: this invocation ends at once). */
export type Continue = (event: RepairEvent) => Promise<void>;

function selfInvoker(functionName: string): Continue {
  const client = new LambdaClient({});
  return async (event) => {
    await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'Event',
        Payload: new TextEncoder().encode(JSON.stringify(event)),
      }),
    );
  };
}

export interface RepairDeps {
  db?: Db;
  /** How the run continues itself; by default an asynchronous invocation of this function. */
  continueWith?: Continue;
  logger?: Pick<Logger, 'info'>;
}

/**
 * Runs the repair an event asks for. Fails with ValidationError for a malformed event, NotFoundError
 * for an unknown workspace, or with the DynamoDB error that stopped it (a retry starts over safely).
 */
export async function repairFromEvent(
  event: unknown,
  context: Pick<Context, 'getRemainingTimeInMillis' | 'functionName'>,
  deps: RepairDeps = {},
): Promise<RepairResult> {
  const target = deps.db ?? databaseFromEnvironment();
  const continueWith = deps.continueWith ?? selfInvoker(context.functionName);
  const logger = deps.logger ?? defaultLogger;
  const request = parseInput(repairEventSchema, event);
  const continuation = request.continuation ?? 0;
  const shouldStop = () =>
    continuation < MAX_CONTINUATIONS && context.getRemainingTimeInMillis() < STOP_MARGIN_MS;
  let reports: RepairReport[];
  let next: RepairEvent | undefined;
  if ('workspaceId' in request) {
    const report = await repairWorkspace(target, request.workspaceId, { cursor: request.cursor, shouldStop });
    reports = [report];
    if (report.cursor)
      next = { workspaceId: request.workspaceId, cursor: report.cursor, continuation: continuation + 1 };
  } else {
    const run = await repairAllWorkspaces(target, { resume: request.resume, shouldStop });
    reports = run.reports;
    if (run.next) next = { kind: 'scheduled-repair', resume: run.next, continuation: continuation + 1 };
  }
  logger.info(describeRepair(reports), { ...totalFixes(reports), continued: Boolean(next) });
  if (next) await continueWith(next);
  const associations = reports.reduce((sum, report) => sum + report.associations, 0);
  return { associations, ...totalFixes(reports), reports, ...(next ? { continuedWith: next } : {}) };
}

export function createRepairHandler(deps: { logger?: Logger } = {}) {
  const logger = deps.logger ?? defaultLogger;
  return middy()
    .use(injectLambdaContext(logger))
    .use(logErrorsSafely({ logger }))
    .handler((event: unknown, context: Context) => repairFromEvent(event, context, { logger }));
}

export const handler = createRepairHandler();

// Lambda: recomputes a workspace's association summaries and stages from the facts
// (run after an incident, or on a schedule). Event: { "workspaceId": "..." }.
import middy from '@middy/core';
import { z } from 'zod';
import type { Db } from '@kohtaamo/shared/db/client';
import { repairWorkspace, type RepairReport } from '@kohtaamo/shared/db/repair';
import { workspaceIdSchema } from '@kohtaamo/shared/ids';
import { parseInput } from '@kohtaamo/shared/validation';
import { databaseFromEnvironment } from '../database';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export const repairEventSchema = z.object({ workspaceId: workspaceIdSchema });

export async function repairWorkspaceFromEvent(
  event: unknown,
  target: Db = databaseFromEnvironment(),
): Promise<RepairReport> {
  const { workspaceId } = parseInput(repairEventSchema, event);
  return repairWorkspace(target, workspaceId);
}

export const handler = middy()
  .use(logErrorsSafely('repair-workspace'))
  .handler((event: unknown) => repairWorkspaceFromEvent(event));

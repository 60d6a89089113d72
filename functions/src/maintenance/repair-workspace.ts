// Lambda: recomputes a workspace's association summaries and stages from the facts
// (run after an incident, or on a schedule). Event: { "workspaceId": "..." }.
import middy from '@middy/core';
import { z } from 'zod';
import { loadConfig } from '@kohtaamo/shared/config';
import { createDb, type Db } from '@kohtaamo/shared/db/client';
import { repairWorkspace, type RepairReport } from '@kohtaamo/shared/db/repair';
import { workspaceIdSchema } from '@kohtaamo/shared/ids';
import { parseInput } from '@kohtaamo/shared/validation';
import { logErrorsSafely } from '../middleware/log-errors-safely';

export const repairEventSchema = z.object({ workspaceId: workspaceIdSchema });

let db: Db | undefined;
function database(): Db {
  if (!db) {
    const config = loadConfig(process.env);
    db = createDb({
      table: config.KOHTAAMO_TABLE,
      region: config.AWS_REGION,
      endpoint: config.KOHTAAMO_DYNAMODB_ENDPOINT,
      cursorSecret: config.KOHTAAMO_CURSOR_SECRET,
    });
  }
  return db;
}

export async function repairWorkspaceFromEvent(
  event: unknown,
  target: Db = database(),
): Promise<RepairReport> {
  const { workspaceId } = parseInput(repairEventSchema, event);
  return repairWorkspace(target, workspaceId);
}

export const handler = middy()
  .use(logErrorsSafely('repair-workspace'))
  .handler((event: unknown) => repairWorkspaceFromEvent(event));

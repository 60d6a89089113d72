// The server's wiring, made once per process: validated configuration, the Db, the workspace.
import { loadConfig, type Config } from '@kohtaamo/shared/config';
import { createDb, type Db } from '@kohtaamo/shared/db/client';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import type { Workspace } from '@kohtaamo/shared/workspace/workspace.schema';

export interface ServerContext {
  config: Config;
  db: Db;
}

let context: ServerContext | undefined;

export function serverContext(): ServerContext {
  if (!context) {
    const config = loadConfig(process.env);
    const db = createDb({
      table: config.KOHTAAMO_TABLE,
      region: config.AWS_REGION,
      endpoint: config.KOHTAAMO_DYNAMODB_ENDPOINT,
      cursorSecret: config.KOHTAAMO_CURSOR_SECRET,
    });
    context = { config, db };
  }
  return context;
}

/** The workspace this server shows (one per deployment until accounts pick it per user). */
export async function currentWorkspace(): Promise<Workspace> {
  const { config, db } = serverContext();
  return getWorkspace(db, config.KOHTAAMO_WORKSPACE);
}

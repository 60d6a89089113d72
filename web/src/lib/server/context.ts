// The server's wiring, made once per process: validated configuration, the Db, the blob store and
// the job launcher. The workspace and the user come from the request's session (the server hook).
import { localised } from '@kohtaamo/shared/i18n/messages';
import { error } from '@sveltejs/kit';
import { loadConfig, type Config } from '@kohtaamo/shared/config';
import { dbFromConfig, type Db } from '@kohtaamo/shared/db/client';
import { meterRequests } from '@kohtaamo/shared/db/read-cost';
import type { JobLauncher } from '@kohtaamo/shared/jobs/job-launcher';
import { jobLauncherFromConfig } from '@kohtaamo/shared/jobs/launcher-from-config';
import type { BlobStore } from '@kohtaamo/shared/storage/blob-store';
import { blobStoreFromConfig } from '@kohtaamo/shared/storage/blob-store-from-config';
import type { Role } from '@kohtaamo/shared/user/user.schema';
import { getWorkspace } from '@kohtaamo/shared/workspace/workspace.store';
import type { Workspace } from '@kohtaamo/shared/workspace/workspace.schema';

export interface ServerContext {
  config: Config;
  db: Db;
  /** Files outside the table: handover packages and uploaded spreadsheets. */
  blobs: BlobStore;
  /** Starts background jobs (in this process locally, the jobs Lambda in AWS). */
  jobs: JobLauncher;
}

let context: ServerContext | undefined;

export function serverContext(): ServerContext {
  if (!context) {
    const config = loadConfig(process.env);
    const db = dbFromConfig(config);
    // Each request's round trips and items examined go on its log line (hooks.server.ts).
    meterRequests(db);
    const blobs = blobStoreFromConfig(config);
    context = { config, db, blobs, jobs: jobLauncherFromConfig(config, { db, blobs }) };
  }
  return context;
}

export interface Member {
  workspaceId: string;
  userId: string;
  role: Role;
  name: string;
}

/** The signed-in member of the request. The hook has already checked the route's rule. */
export function member(locals: App.Locals): Member {
  const auth = locals.auth;
  if (auth.status !== 'member')
    error(401, { message: 'Please log in.', ...localised('context.pleaseLogIn') });
  return {
    workspaceId: auth.member.workspaceId,
    userId: auth.user.id,
    role: auth.member.role,
    name: auth.user.name,
  };
}

/** The workspace of the signed-in member. */
export async function currentWorkspace(locals: App.Locals): Promise<Workspace> {
  return getWorkspace(serverContext().db, member(locals).workspaceId);
}

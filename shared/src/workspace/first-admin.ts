// Opening the data for use: stored items upgraded to the code's schema; and a workspace: it
// exists, and while it has no active admin there is one pending setup link for the first one
// (shown only to whoever runs `npm start`, `npm run deploy` or `create-workspace`, never
// first-come-first-served on a public page). Only a token's hash is in the table, so the pending
// link itself is kept by the caller (a file readable by its owner only) and reused while it is
// still valid instead of minting another at every start.
import type { Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { NotFoundError } from '../errors';
import { createSetupLink, hasActiveAdmin, peekSetupLink } from '../user/accounts';
import { ensureWorkspace } from './workspace.store';

/** Where the pending setup token is kept between runs (e.g. a 0600 file). */
export interface PendingSetupLink {
  read(): Promise<string | undefined>;
  write(token: string): Promise<void>;
  /** Called once the workspace has an admin: the link is no use any more. */
  clear(): Promise<void>;
}

/**
 * The pending setup token of a workspace without an active admin: the kept one while it can still
 * be used, else a new one (then kept). None once the workspace has an active admin.
 */
export async function pendingSetupToken(
  db: Db,
  workspaceId: string,
  kept: PendingSetupLink | undefined,
): Promise<{ setupToken?: string; reused?: boolean }> {
  if (await hasActiveAdmin(db, workspaceId)) {
    await kept?.clear();
    return {};
  }
  const previous = await kept?.read();
  if (previous) {
    const record = await peekSetupLink(db, previous).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (record?.workspaceId === workspaceId) return { setupToken: previous, reused: true };
  }
  const setupToken = await createSetupLink(db, workspaceId);
  await kept?.write(setupToken);
  return { setupToken, reused: false };
}

export async function openWorkspace(
  db: Db,
  workspaceId: string,
  name: string,
  kept?: PendingSetupLink,
): Promise<{ setupToken?: string; reused?: boolean }> {
  await ensureWorkspace(db, workspaceId, name);
  return pendingSetupToken(db, workspaceId, kept);
}

/** What `npm start` and `npm run deploy` do before the app is used: upgrade, then open the workspace. */
export async function prepareData(
  db: Db,
  workspaceId: string,
  name: string,
  kept?: PendingSetupLink,
): Promise<{ upgraded: number; setupToken?: string; reused?: boolean }> {
  const { upgraded } = await runMigrations(db);
  return { upgraded, ...(await openWorkspace(db, workspaceId, name, kept)) };
}

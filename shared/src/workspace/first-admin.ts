// Opening the data for use: stored items upgraded to the code's schema; and a workspace: it exists, and while it has no active admin a one-time setup link
// is made for the first one (shown only to whoever runs `npm start` or `npm run deploy`, never
// first-come-first-served on a public page).
import type { Db } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createSetupLink } from '../user/accounts';
import { listMembers } from '../user/user.store';
import { ensureWorkspace } from './workspace.store';

export async function openWorkspace(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<{ setupToken?: string }> {
  await ensureWorkspace(db, workspaceId, name);
  const admins = (await listMembers(db, workspaceId)).filter((m) => m.role === 'admin' && m.active);
  return admins.length === 0 ? { setupToken: await createSetupLink(db, workspaceId) } : {};
}

/** What `npm start` and `npm run deploy` do before the app is used: upgrade, then open the workspace. */
export async function prepareData(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<{ upgraded: number; setupToken?: string }> {
  const { upgraded } = await runMigrations(db);
  return { upgraded, ...(await openWorkspace(db, workspaceId, name)) };
}

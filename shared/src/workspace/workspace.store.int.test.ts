import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { migrations, runMigrations } from '../db/migrate';
import { keys } from '../db/table';
import { newId } from '../ids';
import { freshWorkspace, testDb } from '../../../test/support/test-db';
import { listWorkspaceIds } from './workspace.store';

describe('workspace list (pattern 20)', () => {
  it('lists every new workspace', async () => {
    const db = testDb();
    const a = await freshWorkspace(db);
    const b = await freshWorkspace(db);
    const ids = await listWorkspaceIds(db);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it('lists a workspace stored by an older version once it is migrated', async () => {
    const db = testDb();
    const id = `old-${newId().toLowerCase().slice(-10)}`;
    await db.doc.send(
      new PutCommand({
        TableName: db.table,
        Item: { ...keys.workspace(id), type: 'workspace', sv: 1, version: 1, id, name: 'Vanha', stages: [] },
      }),
    );
    expect(await listWorkspaceIds(db)).not.toContain(id);
    const workspaceOnly = migrations.filter((m) => m.type === 'workspace');
    await runMigrations(db, workspaceOnly);
    expect(await listWorkspaceIds(db)).toContain(id);
  });
});

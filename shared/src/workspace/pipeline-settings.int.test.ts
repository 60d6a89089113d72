import { describe, expect, it } from 'vitest';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { ConflictError, ValidationError } from '../errors';
import { stagesFromForm, updatePipelineSettings } from './pipeline-settings';
import { getWorkspace } from './workspace.store';

const db = testDb();

describe('pipeline settings', () => {
  it('reads stage rows from the form in the chosen order, skipping removed and empty rows', () => {
    const stages = stagesFromForm({
      'stages.0.code': 'a_stage',
      'stages.0.fi': 'A',
      'stages.0.en': 'A',
      'stages.0.position': '2',
      'stages.1.code': 'b_stage',
      'stages.1.fi': 'B',
      'stages.1.en': 'B',
      'stages.1.position': '1',
      'stages.1.kind': 'exit',
      'stages.2.code': 'c_stage',
      'stages.2.remove': 'yes',
      'stages.3.code': '',
    });
    expect(stages).toEqual([
      { code: 'b_stage', label: { fi: 'B', en: 'B' }, kind: 'exit' },
      { code: 'a_stage', label: { fi: 'A', en: 'A' }, kind: 'main' },
    ]);
  });

  it('renames, adds and removes stages and sets the stale threshold; a stage in use cannot go', async () => {
    const workspace = await freshWorkspace(db);
    await addAssociation(db, workspace);
    const stages = workspace.stages
      .filter((s) => s.code !== 'declined')
      .map((s) => (s.code === 'contacted' ? { ...s, label: { fi: 'Tavoitettu', en: 'Reached' } } : s));
    const updated = await updatePipelineSettings(db, workspace.id, {
      expectedVersion: workspace.version,
      stages: [...stages, { code: 'paused', label: { fi: 'Tauolla', en: 'Paused' }, kind: 'exit' }],
      staleAfterDays: 45,
    });
    const stored = await getWorkspace(db, workspace.id);
    expect(stored.staleAfterDays).toBe(45);
    expect(stored.stages.map((s) => s.code)).toContain('paused');
    expect(stored.stages.find((s) => s.code === 'contacted')?.label.fi).toBe('Tavoitettu');

    await expect(
      updatePipelineSettings(db, workspace.id, {
        expectedVersion: workspace.version,
        stages,
        staleAfterDays: 45,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const error = await updatePipelineSettings(db, workspace.id, {
      expectedVersion: updated.version,
      stages: stages.filter((s) => s.code !== 'not_contacted'),
      staleAfterDays: 45,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields[0]?.message.fi).toContain('Ei yhteydenottoa');
  });

  it('keeps a stage’s own stale threshold, an empty box following the default, and refuses a bad one', async () => {
    const workspace = await freshWorkspace(db);
    const rows = {
      'stages.0.code': 'first',
      'stages.0.fi': 'Eka',
      'stages.0.en': 'First',
      'stages.0.stale': '7',
      'stages.1.code': 'second',
      'stages.1.fi': 'Toka',
      'stages.1.en': 'Second',
      'stages.1.stale': '',
    };
    const stages = stagesFromForm(rows);
    expect(stages).toEqual([
      { code: 'first', label: { fi: 'Eka', en: 'First' }, kind: 'main', staleAfterDays: 7 },
      { code: 'second', label: { fi: 'Toka', en: 'Second' }, kind: 'main' },
    ]);
    // A fresh workspace has no associations, so its stages can all be replaced.
    await updatePipelineSettings(db, workspace.id, {
      expectedVersion: workspace.version,
      stages,
      staleAfterDays: 60,
    });
    const stored = await getWorkspace(db, workspace.id);
    expect(stored.stages.map((s) => s.staleAfterDays)).toEqual([7, undefined]);
    for (const bad of ['0', 'abc', '2.5', '9999']) {
      const error = await updatePipelineSettings(db, workspace.id, {
        expectedVersion: stored.version,
        stages: stagesFromForm({ ...rows, 'stages.0.stale': bad }),
        staleAfterDays: 60,
      }).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields[0]?.field).toBe('stages.0.staleAfterDays');
    }
    expect((await getWorkspace(db, workspace.id)).version).toBe(stored.version);
  });
});

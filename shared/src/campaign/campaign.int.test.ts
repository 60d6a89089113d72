// Campaigns against dynalite: the filter chooses the call list, the mailing lands on every
// timeline once, two callers never get the same association, outcomes are logged (a call back
// becomes a follow-up), and a retried request counts once.
import { describe, expect, it } from 'vitest';
import { setAssociationArchived, updateAssociationProfile } from '../association/association.store';
import { ConflictError, ValidationError } from '../errors';
import { listMyOpenFollowUps } from '../follow-up/follow-up.store';
import { newId } from '../ids';
import { listTimeline } from '../interaction/interaction.store';
import { createJob } from '../jobs/job.store';
import { jobHandlers } from '../jobs/job-handlers';
import { runJob } from '../jobs/run-job';
import { moveAssociationStage } from '../pipeline/pipeline.store';
import { localBlobStore } from '../storage/local-blob-store';
import { addAssociation, freshWorkspace, testDb } from '../../../test/support/test-db';
import { campaignProgress } from './campaign';
import { listCampaignRowsOfAssociation, syncCampaignRowNames } from './campaign-row-names';
import { logCampaignCall, mailingInteractionId } from './campaign-calls';
import {
  claimNextRow,
  createCampaign,
  claimRow,
  getCampaignWithRows,
  listCampaigns,
  previewCampaign,
} from './campaign.store';

let clock = new Date('2026-12-01T09:00:00.000Z');
const db = testDb({ now: () => clock });
const blobs = localBlobStore('/tmp/kohtaamo-campaign-test-blobs', { secret: 'x'.repeat(40) });

async function setUp() {
  const workspace = await freshWorkspace(db);
  const iisalmi = (name: string) => addAssociation(db, workspace, { name, municipalities: ['Iisalmi'] });
  const a = await iisalmi('Iisalmen Änkyrät ry');
  const b = await iisalmi('Iisalmen Apu ry');
  const published = await iisalmi('Iisalmen Julkaistut ry');
  for (const to of ['contacted', 'interested', 'onboarding', 'submitted', 'published']) {
    await moveAssociationStage(db, workspace, { associationId: published.id, input: { to }, by: 'anna' });
  }
  const archived = await iisalmi('Iisalmen Lakanneet ry');
  await setAssociationArchived(db, workspace.id, {
    id: archived.id,
    expectedVersion: 1,
    archived: true,
    by: 'anna',
  });
  await addAssociation(db, workspace, { name: 'Kuopion Kerho ry', municipalities: ['Kuopio'] });
  const filter = { municipality: 'Iisalmi', notOnTarjotin: 'yes' };
  const { campaign } = await createCampaign(db, workspace, {
    id: newId(),
    by: 'anna',
    input: {
      name: 'Tarjotin-kirje 2026',
      mailingSubject: 'Onko yhdistyksesi jo tarjottimella?',
      mailingDate: '2026-12-01',
      filter,
    },
  });
  return { workspace, campaign, a, b, filter };
}

const call = (
  workspace: Awaited<ReturnType<typeof setUp>>['workspace'],
  campaignId: string,
  associationId: string,
  staffId: string,
  input: Record<string, unknown>,
) =>
  logCampaignCall(db, workspace, {
    campaignId,
    associationId,
    staffId,
    input: { interactionId: newId(), ...input },
  });

describe('campaigns', () => {
  it('chooses the associations of the filter (not on tarjotin, not archived) in Finnish order, and records the mailing once on each', async () => {
    const { workspace, campaign, a, b, filter } = await setUp();
    expect((await previewCampaign(db, workspace, filter)).map((e) => e.name)).toEqual([
      'Iisalmen Apu ry',
      'Iisalmen Änkyrät ry',
    ]);
    const { rows } = await getCampaignWithRows(db, workspace.id, campaign.id);
    expect(rows.map((r) => r.associationId)).toEqual([b.id, a.id]);
    expect(campaign.rowCount).toBe(2);
    expect((await listCampaigns(db, workspace.id)).map((c) => c.id)).toEqual([campaign.id]);

    const job = await createJob(db, workspace.id, {
      id: newId(),
      kind: 'mailing',
      params: { campaignId: campaign.id },
      by: 'anna',
    });
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, job.id)).toBe('done');
    const again = await createJob(db, workspace.id, {
      id: newId(),
      kind: 'mailing',
      params: { campaignId: campaign.id },
      by: 'anna',
    });
    expect(await runJob({ db, blobs }, jobHandlers, workspace.id, again.id)).toBe('done');
    for (const association of [a, b]) {
      const timeline = (await listTimeline(db, workspace.id, association.id)).items;
      expect(timeline.map((i) => [i.kind, i.outcome, i.notes, i.campaignId])).toEqual([
        ['mass_mailing', 'sent', 'Onko yhdistyksesi jo tarjottimella?', campaign.id],
      ]);
      expect(timeline[0]?.id).toBe(mailingInteractionId(campaign.id, association.id));
    }
  });

  it('gives two callers different associations, and nothing when the list is taken; a claim that runs out is free again', async () => {
    const { workspace, campaign } = await setUp();
    const [anna, ville] = await Promise.all([
      claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'anna' }),
      claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'ville' }),
    ]);
    expect(anna && ville).toBeTruthy();
    expect(anna?.associationId).not.toBe(ville?.associationId);
    expect(
      await claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'sanna' }),
    ).toBeUndefined();
    // Asking again gives a caller the row they already hold.
    expect(
      (await claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'anna' }))?.associationId,
    ).toBe(anna?.associationId);
    await expect(
      call(workspace, campaign.id, anna?.associationId as string, 'ville', { outcome: 'reached' }),
    ).rejects.toBeInstanceOf(ConflictError);
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect(
      (await claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'sanna' }))?.associationId,
    ).toBeDefined();
  });

  it('logs outcomes: no answer keeps it on the list, call back makes a follow-up, a retried log counts once', async () => {
    const { workspace, campaign } = await setUp();
    const first = await claimNextRow(db, workspace.id, { campaignId: campaign.id, staffId: 'anna' });
    const id = first?.associationId as string;
    expect(await call(workspace, campaign.id, id, 'anna', { outcome: 'no_answer' })).toEqual({ done: false });
    // The row went back to the list: it is claimed again for the next try.
    await expect(call(workspace, campaign.id, id, 'anna', { outcome: 'reached' })).rejects.toThrow(
      /from the call list first/,
    );
    expect(
      await claimRow(db, workspace.id, { campaignId: campaign.id, associationId: id, staffId: 'anna' }),
    ).toBe(true);
    await expect(call(workspace, campaign.id, id, 'anna', { outcome: 'call_back' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const interactionId = newId();
    const callBack = {
      interactionId,
      outcome: 'call_back',
      callBackDue: '2026-12-08',
      notes: 'Puheenjohtaja lomalla',
    };
    expect(
      await logCampaignCall(db, workspace, {
        campaignId: campaign.id,
        associationId: id,
        staffId: 'anna',
        input: callBack,
      }),
    ).toEqual({ done: true });
    expect(
      await logCampaignCall(db, workspace, {
        campaignId: campaign.id,
        associationId: id,
        staffId: 'anna',
        input: callBack,
      }),
    ).toEqual({ done: true });
    const { rows } = await getCampaignWithRows(db, workspace.id, campaign.id);
    const row = rows.find((r) => r.associationId === id);
    expect(row).toMatchObject({
      status: 'done',
      attempts: 2,
      lastOutcome: 'call_back',
      callBackDue: '2026-12-08',
    });
    expect(row?.claimedBy).toBeUndefined();
    const tasks = (await listMyOpenFollowUps(db, workspace.id, 'anna')).items;
    expect(tasks.map((t) => [t.associationId, t.due, t.title])).toEqual([
      [id, '2026-12-08', 'Soita takaisin: Tarjotin-kirje 2026'],
    ]);
    expect((await listTimeline(db, workspace.id, id)).items.map((i) => i.outcome)).toEqual([
      'call_back',
      'no_answer',
    ]);
    await expect(call(workspace, campaign.id, id, 'anna', { outcome: 'reached' })).rejects.toThrow(
      /already been called/,
    );
    const progress = campaignProgress(rows, clock);
    expect(progress).toMatchObject({ total: 2, done: 1, notCalled: 1, calling: 0 });
    expect(progress.byOutcome).toMatchObject({ call_back: 1, no_answer: 0, reached: 0 });
  });
  it('pattern 38: renaming an association renames it on the call lists of its campaigns, leaving the rows as they are', async () => {
    const { workspace, campaign, a, b } = await setUp();
    const claimed = await claimRow(db, workspace.id, {
      campaignId: campaign.id,
      associationId: a.id,
      staffId: 'anna',
    });
    expect(claimed).toBe(true);
    expect(await listCampaignRowsOfAssociation(db, workspace.id, a.id)).toEqual([
      { campaignId: campaign.id, associationName: 'Iisalmen Änkyrät ry' },
    ]);
    await updateAssociationProfile(db, workspace.id, {
      id: a.id,
      expectedVersion: a.version,
      input: { name: 'Iisalmen Aamuvirkut ry' },
      by: 'anna',
    });
    const { rows } = await getCampaignWithRows(db, workspace.id, campaign.id);
    // In Finnish order by the new name, the claim kept.
    expect(rows.map((r) => [r.associationId, r.associationName])).toEqual([
      [a.id, 'Iisalmen Aamuvirkut ry'],
      [b.id, 'Iisalmen Apu ry'],
    ]);
    expect(rows[0]).toMatchObject({ claimedBy: 'anna', version: 2 });
    expect(await syncCampaignRowNames(db, workspace.id, a.id)).toBe(0);
  });
});

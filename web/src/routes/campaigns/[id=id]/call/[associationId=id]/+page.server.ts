// One call of the round: who to call and their numbers, the latest contacts, and the outcome in
// one click. After logging, the next free association is claimed and opened.
import { redirect } from '@sveltejs/kit';
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { logCampaignCall } from '@kohtaamo/shared/campaign/campaign-calls';
import { claimable } from '@kohtaamo/shared/campaign/campaign';
import {
  claimNextRow,
  getCampaign,
  getCampaignRow,
  releaseRow,
} from '@kohtaamo/shared/campaign/campaign.store';
import { newId } from '@kohtaamo/shared/ids';
import { formValues } from '@kohtaamo/shared/interaction/contact-form';
import { listTimeline } from '@kohtaamo/shared/interaction/interaction.store';
import { getPeople, listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { addDays, helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { runAction } from '#lib/server/actions.ts';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const campaignId = params.id;
  const associationId = params.associationId;
  const [campaign, row, association, members, timeline] = await orHttpError(
    Promise.all([
      getCampaign(db, workspace.id, campaignId),
      getCampaignRow(db, workspace.id, campaignId, associationId),
      getAssociation(db, workspace.id, associationId),
      listMembersOfAssociation(db, workspace.id, associationId, { limit: 100 }),
      listTimeline(db, workspace.id, associationId, { limit: 3 }),
    ]),
  );
  const people = await orHttpError(
    getPeople(
      db,
      workspace.id,
      members.items.map((m) => m.personId),
    ),
  );
  const phones = new Map(people.map((p) => [p.id, p.phone]));
  const now = db.now();
  const mine = row.claimedBy === locals.staffId && (row.claimedUntil ?? '') >= now.toISOString();
  return {
    campaign: { id: campaign.id, name: campaign.name },
    association: { id: association.id, name: association.name, phone: association.phone },
    people: members.items.map((m) => ({
      id: m.personId,
      name: m.personName,
      role: m.role,
      phone: phones.get(m.personId),
    })),
    recent: timeline.items,
    state:
      row.status === 'done' ? 'done' : mine ? 'mine' : claimable(row, locals.staffId, now) ? 'free' : 'taken',
    attempts: row.attempts,
    interactionId: newId(),
    callBackDue: addDays(helsinkiDate(now), 7),
  };
};

export const actions: Actions = {
  log: async ({ params, locals, request }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const campaignId = params.id;
    const associationId = params.associationId;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('call', values, () =>
      logCampaignCall(db, workspace, { campaignId, associationId, staffId: locals.staffId, input: values }),
    );
    if (!('done' in result)) return result;
    const next = await orHttpError(claimNextRow(db, workspace.id, { campaignId, staffId: locals.staffId }));
    redirect(
      303,
      next
        ? `/campaigns/${campaignId}/call/${next.associationId}?logged=1`
        : `/campaigns/${campaignId}?done=logged`,
    );
  },

  skip: async ({ params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const campaignId = params.id;
    await orHttpError(
      releaseRow(db, workspace.id, {
        campaignId,
        associationId: params.associationId,
        staffId: locals.staffId,
      }),
    );
    redirect(303, `/campaigns/${campaignId}`);
  },
};

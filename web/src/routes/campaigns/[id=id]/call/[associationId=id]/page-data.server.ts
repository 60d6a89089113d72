// One call of a campaign: the association, its phones, its recent contacts and the call form.
import { getAssociation } from '@kohtaamo/shared/association/association.store';
import { claimable } from '@kohtaamo/shared/campaign/campaign';
import { getCampaign, getCampaignRow } from '@kohtaamo/shared/campaign/campaign.store';
import { newId } from '@kohtaamo/shared/ids';
import { listTimeline } from '@kohtaamo/shared/interaction/interaction.store';
import { onePerPerson } from '@kohtaamo/shared/person/contact-order';
import { getPeople, listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { addDays, helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */

export const loadPage = async ({ params, locals }: Parameters<PageServerLoad>[0]) => {
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
    getPeople(db, workspace.id, [...new Set(members.items.map((m) => m.personId))]),
  );
  const phones = new Map(people.map((p) => [p.id, p.phone]));
  const now = db.now();
  const mine = row.claimedBy === locals.staffId && (row.claimedUntil ?? '') >= now.toISOString();
  return {
    campaign: { id: campaign.id, name: campaign.name },
    association: { id: association.id, name: association.name, phone: association.phone },
    people: onePerPerson(members.items).map((m) => ({
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

// The association page's data: profile, stage and its history, people, open tasks and the timeline.
import { redirect } from '@sveltejs/kit';
import { dissolvedStageOf } from '@kohtaamo/shared/association/archive-association';
import { getAssociation, getAssociationNames } from '@kohtaamo/shared/association/association.store';
import {
  isPartner,
  organisationKindLabel,
  organisationKindOf,
  partnerKindsOf,
} from '@kohtaamo/shared/association/organisation-kind';
import { openInDueOrder } from '@kohtaamo/shared/follow-up/follow-up';
import { listOpenFollowUpsDue } from '@kohtaamo/shared/follow-up/follow-up.store';
import { newId } from '@kohtaamo/shared/ids';
import { interactionKinds, type InteractionKind } from '@kohtaamo/shared/interaction/interaction.schema';
import { listAssociationStory, type StoryEntry } from '@kohtaamo/shared/interaction/association-story';
import { listMemberAssociations } from '@kohtaamo/shared/association/parent-association';
import { inCallingOrder, onePerPerson, telHref } from '@kohtaamo/shared/person/contact-order';
import { getPeople, listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { assignableStaff, getMember, listMembers } from '@kohtaamo/shared/user/user.store';
import { daysInStage, nextStageOf, stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { listStageHistory } from '@kohtaamo/shared/pipeline/stage-history.store';
import { addDays, helsinkiDate, helsinkiMonth } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import { LAST_KIND_COOKIE } from './contact-actions.server';
import type { PageServerLoad } from './$types';

type ServerLoadEvent = Parameters<PageServerLoad>[0];

/** The page's `load` (typed by its event only, so that the page's data keeps its inferred shape). */
export const loadAssociationPage = async ({ params, locals, url, cookies }: ServerLoadEvent) => {
  const { db } = serverContext();
  const associationId = params.id;
  const workspace = await orHttpError(currentWorkspace(locals));
  const association = await orHttpError(getAssociation(db, workspace.id, associationId));
  // A merged duplicate lives on in the association it was merged into.
  if (association.mergedInto) redirect(303, `/associations/${association.mergedInto}`);
  const mergedIds = association.mergedFromIds ?? [];
  const [members, timeline, history, merged, owner, workspaceMembers, parentNames, memberAssociations] =
    await orHttpError(
      Promise.all([
        listMembersOfAssociation(db, workspace.id, association.id, { limit: 200 }),
        listAssociationStory(db, workspace.id, association.id, {
          cursor: url.searchParams.get('timeline') ?? undefined,
        }),
        listStageHistory(db, workspace.id, association.id),
        Promise.all(
          mergedIds.map(async (id) => ({
            association: await getAssociation(db, workspace.id, id),
            history: await listStageHistory(db, workspace.id, id),
          })),
        ),
        association.ownerId ? getMember(db, workspace.id, association.ownerId) : undefined,
        listMembers(db, workspace.id),
        association.parentId
          ? getAssociationNames(db, workspace.id, [association.parentId])
          : new Map<string, string>(),
        listMemberAssociations(db, workspace.id, association.id, { limit: 100 }),
      ]),
    );
  // The open tasks come with the timeline's read of the association's follow-ups (pattern 41).
  const followUps = openInDueOrder(timeline.followUps);
  const parentName = association.parentId ? parentNames.get(association.parentId) : undefined;
  const staff = assignableStaff(workspaceMembers);
  // The timeline names who logged each contact and the people met (from the roles read above).
  const staffNames = new Map(workspaceMembers.map((m) => [m.userId, m.name]));
  const personNames = new Map(members.items.map((m) => [m.personId, m.personName]));
  // The current people's phone numbers and e-mail addresses, for tap-to-call (one batch read).
  const contacts = new Map(
    (
      await orHttpError(
        getPeople(db, workspace.id, [
          ...new Set(members.items.filter((m) => !m.endDate).map((m) => m.personId)),
        ]),
      )
    ).map((person) => [person.id, person]),
  );
  // After a contact that completed a task: my next open task (earliest due), one click away.
  // The index may still list the task just completed: it is skipped.
  const completedId = url.searchParams.get('after');
  const next =
    url.searchParams.get('next') === 'task'
      ? (
          await orHttpError(
            listOpenFollowUpsDue(db, workspace.id, { userId: locals.staffId }, {}, { limit: 2 }),
          )
        ).items.find((task) => task.id !== completedId)
      : undefined;
  const nextTask = next && {
    id: next.id,
    associationId: next.associationId,
    title: next.title,
    due: next.due,
    associationName:
      (await orHttpError(getAssociationNames(db, workspace.id, [next.associationId]))).get(
        next.associationId,
      ) ?? '–',
  };
  const stageName = (code: string | null) => (code ? stageLabel(workspace.stages, code, locals.locale) : '–');
  const withNames = (changes: typeof history) =>
    changes.map((change) => ({ ...change, fromName: stageName(change.from), toName: stageName(change.to) }));
  const staffName = (id: string | undefined) => (id ? staffNames.get(id) : undefined);
  // One line of the timeline: who did it and, for a contact, whom they met (from the roles above).
  const storyLine = (entry: StoryEntry) => {
    const at = { at: entry.at, month: helsinkiMonth(new Date(entry.at)) };
    switch (entry.kind) {
      case 'contact':
        return {
          ...at,
          kind: entry.kind,
          key: `contact:${entry.interaction.id}`,
          interaction: entry.interaction,
          followUps: entry.followUps.map((f) => ({ id: f.id, title: f.title, due: f.due })),
          by: staffName(entry.interaction.staffId),
          people: entry.interaction.personIds.flatMap((id) => {
            const name = personNames.get(id);
            return name ? [{ id, name }] : [];
          }),
        };
      case 'stage':
        return {
          ...at,
          kind: entry.kind,
          key: `stage:${entry.change.seq}`,
          from: entry.change.from === null ? undefined : stageName(entry.change.from),
          to: stageName(entry.change.to),
          note: entry.change.note,
          by: staffName(entry.change.by),
        };
      case 'taskCreated':
        return {
          ...at,
          kind: entry.kind,
          key: `created:${entry.task.id}`,
          title: entry.task.title,
          due: entry.task.due,
          by: staffName(entry.task.createdBy),
        };
      case 'taskDone':
        return {
          ...at,
          kind: entry.kind,
          key: `done:${entry.task.id}`,
          title: entry.task.title,
          note: entry.task.completionNote,
          withContact: entry.task.completedByInteractionId !== undefined,
          by: staffName(entry.task.completedBy),
        };
    }
  };
  const lastKind = cookies.get(LAST_KIND_COOKIE);
  const followUpParam = url.searchParams.get('followUp');
  return {
    association,
    /** The association's own number as a tap-to-call address. */
    phoneHref: association.phone ? telHref(association.phone) : undefined,
    ownerName: owner?.name,
    parent: association.parentId && parentName ? { id: association.parentId, name: parentName } : undefined,
    memberAssociations: memberAssociations.items.map((m) => ({ id: m.id, name: m.name })),
    staff,
    taskForm: { id: newId(), due: addDays(helsinkiDate(db.now()), 7), assigneeId: locals.staffId },
    personForm: { id: newId() },
    kindName: organisationKindLabel(
      partnerKindsOf(workspace),
      organisationKindOf(association),
      locals.locale,
    ),
    /** The tarjotin stage: none for a partner. */
    stage:
      association.stage !== undefined && association.stageEnteredAt !== undefined
        ? {
            code: association.stage,
            name: stageName(association.stage),
            enteredAt: association.stageEnteredAt,
            days: daysInStage(association.stageEnteredAt, db.now()),
            /** The move form's default: the next main stage ('' from a final stage: a choice is asked). */
            forward: nextStageOf(workspace.stages, association.stage) ?? '',
          }
        : undefined,
    stages: workspace.stages.map((s) => ({ code: s.code, name: s.label[locals.locale] })),
    history: withNames(history.reverse()),
    merged: merged.map((m) => ({
      id: m.association.id,
      name: m.association.name,
      mergedAt: m.association.mergedAt,
      history: withNames(m.history.reverse()),
    })),
    /** Every role period (a person may hold several, at once and over time). */
    members: inCallingOrder(
      members.items.map((m) => {
        const contact = contacts.get(m.personId);
        return {
          ...m,
          ...(contact?.phone ? { phone: contact.phone, phoneHref: telHref(contact.phone) } : {}),
          ...(contact?.email ? { email: contact.email } : {}),
        };
      }),
    ),
    /** The people met, each once: the contact form's choices. */
    people: onePerPerson(members.items).map((m) => ({ personId: m.personId, personName: m.personName })),
    timeline: timeline.entries.map((entry) => storyLine(entry)),
    /** The next (older) page of the timeline, and whether this is not the first page. */
    olderTimeline: timeline.cursor,
    laterTimeline: url.searchParams.has('timeline'),
    followUps,
    contactForm: {
      id: newId(),
      kind: (interactionKinds as readonly string[]).includes(lastKind ?? '')
        ? (lastKind as InteractionKind)
        : 'call',
      today: helsinkiDate(db.now()),
      completes: followUps.find((f) => f.id === followUpParam),
      // Opened by the link to log a contact at once (e.g. right after adding the association).
      open: url.searchParams.get('log') === '1',
    },
    done: url.searchParams.get('done'),
    nextTask,
    // "Mark as dissolved" asks first, saying what it does to the stage.
    confirmArchive: url.searchParams.get('archive') === 'confirm' && !association.archivedAt,
    dissolvedStage: isPartner(association) ? undefined : dissolvedStageOf(workspace)?.label[locals.locale],
  };
};

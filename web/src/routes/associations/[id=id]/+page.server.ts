import { fail, redirect } from '@sveltejs/kit';
import { addPersonToAssociation } from '@kohtaamo/shared/person/add-person';
import { changeMembershipRole, endMembership } from '@kohtaamo/shared/person/membership-edits';
import { archiveAsDissolved, dissolvedStageOf } from '@kohtaamo/shared/association/archive-association';
import {
  getAssociation,
  getAssociationNames,
  setAssociationArchived,
} from '@kohtaamo/shared/association/association.store';
import { closeFollowUp, createTask } from '@kohtaamo/shared/follow-up/follow-up-actions';
import {
  listOpenFollowUpsDue,
  listOpenFollowUpsOfAssociation,
} from '@kohtaamo/shared/follow-up/follow-up.store';
import { newId } from '@kohtaamo/shared/ids';
import { contactFormSchema, contactFormToInput, formValues } from '@kohtaamo/shared/interaction/contact-form';
import { interactionKinds, type InteractionKind } from '@kohtaamo/shared/interaction/interaction.schema';
import { listTimeline } from '@kohtaamo/shared/interaction/interaction.store';
import { logContact } from '@kohtaamo/shared/interaction/log-contact';
import { inCallingOrder, telHref } from '@kohtaamo/shared/person/contact-order';
import { isId } from '@kohtaamo/shared/ids';
import { getPeople, listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { assignableStaff, getMember, listMembers } from '@kohtaamo/shared/user/user.store';
import { daysInStage, nextStageOf, stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import { moveAssociationStage } from '@kohtaamo/shared/pipeline/pipeline.store';
import { listStageHistory } from '@kohtaamo/shared/pipeline/stage-history.store';
import { addDays, helsinkiDate, helsinkiMonth } from '@kohtaamo/shared/time/helsinki';
import { parseInput } from '@kohtaamo/shared/validation';
import { runAction } from '#lib/server/actions.ts';
import { echoValues } from '#lib/server/echo-values.ts';
import { currentWorkspace, member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

const LAST_KIND_COOKIE = 'kohtaamo-last-kind';

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
  const { db } = serverContext();
  const associationId = params.id;
  const workspace = await orHttpError(currentWorkspace(locals));
  const association = await orHttpError(getAssociation(db, workspace.id, associationId));
  // A merged duplicate lives on in the association it was merged into.
  if (association.mergedInto) redirect(303, `/associations/${association.mergedInto}`);
  const mergedIds = association.mergedFromIds ?? [];
  const [members, timeline, followUps, history, merged, owner, workspaceMembers] = await orHttpError(
    Promise.all([
      listMembersOfAssociation(db, workspace.id, association.id, { limit: 200 }),
      listTimeline(db, workspace.id, association.id, { limit: 50 }),
      listOpenFollowUpsOfAssociation(db, workspace.id, association.id),
      listStageHistory(db, workspace.id, association.id),
      Promise.all(
        mergedIds.map(async (id) => ({
          association: await getAssociation(db, workspace.id, id),
          history: await listStageHistory(db, workspace.id, id),
        })),
      ),
      association.ownerId ? getMember(db, workspace.id, association.ownerId) : undefined,
      listMembers(db, workspace.id),
    ]),
  );
  const staff = assignableStaff(workspaceMembers);
  // The timeline names who logged each contact and the people met (from the roles read above).
  const staffNames = new Map(workspaceMembers.map((m) => [m.userId, m.name]));
  const personNames = new Map(members.items.map((m) => [m.personId, m.personName]));
  // The current people's phone numbers and e-mail addresses, for tap-to-call (one batch read).
  const contacts = new Map(
    (
      await orHttpError(
        getPeople(
          db,
          workspace.id,
          members.items.filter((m) => !m.endDate).map((m) => m.personId),
        ),
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
  const lastKind = cookies.get(LAST_KIND_COOKIE);
  const followUpParam = url.searchParams.get('followUp');
  return {
    association,
    /** The association's own number as a tap-to-call address. */
    phoneHref: association.phone ? telHref(association.phone) : undefined,
    ownerName: owner?.name,
    staff,
    taskForm: { id: newId(), due: addDays(helsinkiDate(db.now()), 7), assigneeId: locals.staffId },
    personForm: { id: newId() },
    stage: {
      code: association.stage,
      name: stageName(association.stage),
      enteredAt: association.stageEnteredAt,
      days: daysInStage(association.stageEnteredAt, db.now()),
      /** The move form's default: the next main stage ('' from a final stage: a choice is asked). */
      forward: nextStageOf(workspace.stages, association.stage) ?? '',
    },
    stages: workspace.stages.map((s) => ({ code: s.code, name: s.label[locals.locale] })),
    history: withNames(history.reverse()),
    merged: merged.map((m) => ({
      id: m.association.id,
      name: m.association.name,
      mergedAt: m.association.mergedAt,
      history: withNames(m.history.reverse()),
    })),
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
    timeline: timeline.items.map((interaction) => ({
      ...interaction,
      month: helsinkiMonth(new Date(interaction.occurredAt)),
      loggedBy: staffNames.get(interaction.staffId),
      people: interaction.personIds.flatMap((id) => {
        const name = personNames.get(id);
        return name ? [{ id, name }] : [];
      }),
    })),
    moreTimeline: timeline.cursor !== undefined,
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
    dissolvedStage: dissolvedStageOf(workspace)?.label[locals.locale],
  };
};

export const actions: Actions = {
  logContact: async ({ request, params, locals, cookies }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('contact', values, () =>
      logContact(db, member(locals).workspaceId, {
        staffId: locals.staffId,
        input: contactFormToInput(parseInput(contactFormSchema, values), associationId, db.now()),
      }),
    );
    if (!('interaction' in result)) return result;
    cookies.set(LAST_KIND_COOKIE, result.interaction.kind, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      maxAge: 31_536_000,
    });
    // A contact that completed a task offers the next task at once.
    const completed = typeof values.completesFollowUpId === 'string' ? values.completesFollowUpId : '';
    const next = isId(completed) ? `&next=task&after=${completed}` : '';
    redirect(303, `/associations/${associationId}?done=contact${next}#timeline-heading`);
  },

  completeFollowUp: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('followUp', values, () =>
      closeFollowUp(db, member(locals).workspaceId, { ...values, associationId }, locals.staffId),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${associationId}?done=followUp`);
  },

  addTask: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const result = await runAction('task', values, () =>
      createTask(db, member(locals).workspaceId, { ...values, associationId }, locals.staffId),
    );
    if (!('id' in result)) return result;
    locals.createdId = result.id;
    redirect(303, `/associations/${associationId}?done=task#followups-heading`);
  },

  addPerson: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    // After a same-name question: one of those people, or someone new.
    const choice = typeof values.choice === 'string' ? values.choice : '';
    const result = await runAction('person', values, () =>
      addPersonToAssociation(db, member(locals).workspaceId, {
        ...values,
        associationId: params.id,
        personId: choice.startsWith('person:') ? choice.slice('person:'.length) : undefined,
        createNew: choice === 'new' ? 'yes' : undefined,
      }),
    );
    if (!('kind' in result)) return result;
    if (result.kind === 'sameName') {
      return fail(409, { form: 'person', sameName: result.people, values: echoValues(values) });
    }
    locals.createdId = result.membership.personId;
    redirect(303, `/associations/${params.id}?done=person#people-heading`);
  },

  endRole: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('role', values, () =>
      endMembership(db, member(locals).workspaceId, { ...values, associationId: params.id }),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${params.id}?done=roleEnded#people-heading`);
  },

  changeRole: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const values = formValues((await request.formData()).entries());
    const result = await runAction('role', values, () =>
      changeMembershipRole(db, member(locals).workspaceId, { ...values, associationId: params.id }),
    );
    if (result !== undefined) return result;
    redirect(303, `/associations/${params.id}?done=roleChanged#people-heading`);
  },

  archive: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const workspace = await orHttpError(currentWorkspace(locals));
    const values = formValues((await request.formData()).entries());
    const result = await runAction('archive', values, () =>
      archiveAsDissolved(db, workspace, {
        id: params.id,
        expectedVersion: Number(values.version),
        by: locals.staffId,
      }),
    );
    if (!('version' in result)) return result;
    redirect(303, `/associations/${params.id}?done=archived`);
  },
  restore: ({ request, params, locals }) => restore(request, params, locals),

  moveStage: async ({ request, params, locals }) => {
    const { db } = serverContext();
    const associationId = params.id;
    const values = formValues((await request.formData()).entries());
    const workspace = await orHttpError(currentWorkspace(locals));
    const expectedSeq = Number(values.expectedSeq);
    const result = await runAction('stage', values, () =>
      moveAssociationStage(db, workspace, {
        associationId,
        by: locals.staffId,
        input: { to: values.to, note: values.note },
        ...(Number.isInteger(expectedSeq) && expectedSeq > 0 ? { expectedSeq } : {}),
      }),
    );
    if (!('seq' in result)) return result;
    redirect(303, `/associations/${associationId}?done=stage#stage-heading`);
  },
};

async function restore(request: Request, params: { id: string }, locals: App.Locals) {
  const { db } = serverContext();
  const by = locals.staffId;
  const id = params.id;
  const values = formValues((await request.formData()).entries());
  const result = await runAction('archive', values, () =>
    setAssociationArchived(db, member(locals).workspaceId, {
      id,
      expectedVersion: Number(values.version),
      archived: false,
      by,
    }),
  );
  if (!('version' in result)) return result;
  redirect(303, `/associations/${id}?done=restored`);
}

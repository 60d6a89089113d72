// An event's page: its details, registrations, attendance counts and feedback.
import { getAssociationNames } from '@kohtaamo/shared/association/association.store';
import { searchDirectory } from '@kohtaamo/shared/association/directory-search';
import { distribution } from '@kohtaamo/shared/event/event-feedback';
import { getEventWithDetails } from '@kohtaamo/shared/event/event.store';
import { isId, newId } from '@kohtaamo/shared/ids';
import { listMembersOfAssociation } from '@kohtaamo/shared/person/person.store';
import { onePerPerson } from '@kohtaamo/shared/person/contact-order';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

/** The page's `load`, typed by its event only so that the page's data keeps its inferred shape. */

export const loadPage = async ({ params, locals, url }: Parameters<PageServerLoad>[0]) => {
  const { db } = serverContext();
  const workspaceId = member(locals).workspaceId;
  const { event, registrations, feedback } = await orHttpError(
    getEventWithDetails(db, workspaceId, params.id),
  );
  const chosen = url.searchParams.get('association');
  // The association is found by a search the user asks for: the page itself never reads the
  // whole directory.
  const find = (url.searchParams.get('find') ?? '').trim();
  const [names, found, people] = await Promise.all([
    orHttpError(
      getAssociationNames(db, workspaceId, [
        ...registrations.flatMap((r) => (r.associationId ? [r.associationId] : [])),
        ...(isId(chosen) ? [chosen] : []),
      ]),
    ),
    find.length >= 2 ? orHttpError(searchDirectory(db, workspaceId, { q: find }, { limit: 20 })) : undefined,
    isId(chosen) ? orHttpError(listMembersOfAssociation(db, workspaceId, chosen, { limit: 200 })) : undefined,
  ]);
  const came = registrations.filter((r) => r.attended);
  return {
    event,
    registrations: registrations.map((r) => ({
      ...r,
      associationName: r.associationId ? (names.get(r.associationId) ?? '–') : '',
    })),
    counts: {
      registrations: registrations.length,
      participants: came.length,
      associations: new Set(came.flatMap((r) => (r.associationId ? [r.associationId] : []))).size,
    },
    find,
    found: found?.entries.map((e) => ({ id: e.id, name: e.name, municipalities: e.municipalities })),
    chosenName: isId(chosen) ? names.get(chosen) : undefined,
    chosenAssociation: isId(chosen) ? chosen : undefined,
    people: onePerPerson(people?.items ?? []).map((m) => ({ id: m.personId, name: m.personName })),
    registrationId: newId(),
    feedback: {
      count: feedback.length,
      questions: event.questions.map((q, i) => ({ ...q, ...distribution(event.questions, feedback)[i]! })),
      open: event.openQuestions.map((q) => ({
        ...q,
        answers: feedback.flatMap((f) => (f.open[q.id] ? [f.open[q.id] as string] : [])),
      })),
    },
    feedbackUrl: `${url.origin}/feedback/${event.feedbackToken}`,
    done: url.searchParams.get('done'),
  };
};

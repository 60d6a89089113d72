// The people directory: everyone the centre keeps in Finnish name order, or those whose name
// starts with what was searched, a page at a time (pattern 36: no read of every person).
import { listPeople } from '@kohtaamo/shared/person/person.store';
import { member, serverContext } from '#lib/server/context.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const q = (url.searchParams.get('q') ?? '').slice(0, 100);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const page = await orHttpError(
    listPeople(db, member(locals).workspaceId, { prefix: q, cursor, limit: PAGE_SIZE }),
  );
  return {
    q,
    people: page.items.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone })),
    next: page.cursor,
    isFirstPage: cursor === undefined,
  };
};

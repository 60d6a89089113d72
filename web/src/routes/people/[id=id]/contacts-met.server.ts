// The person page's contacts where the person was met: a page of them, newest first (pattern 37),
// paged with `?met=<cursor>` so the rest of the page stays as it is.
import { listContactsMet } from '@kohtaamo/shared/interaction/contacts-met.store';
import type { Db } from '@kohtaamo/shared/db/client';
import { orHttpError } from '#lib/server/errors.ts';

const PAGE_SIZE = 25;

export async function loadContactsMet(db: Db, workspaceId: string, personId: string, url: URL) {
  const cursor = url.searchParams.get('met') ?? undefined;
  const page = await orHttpError(listContactsMet(db, workspaceId, personId, { cursor, limit: PAGE_SIZE }));
  return { items: page.items, next: page.cursor, isFirstPage: cursor === undefined };
}

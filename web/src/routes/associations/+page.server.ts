import { searchDirectory } from '@kohtaamo/shared/association/directory-search';
import { stageLabel } from '@kohtaamo/shared/pipeline/pipeline';
import {
  isPartner,
  organisationKindOf,
  partnerKindLabel,
  partnerKindsOf,
} from '@kohtaamo/shared/association/organisation-kind';
import { helsinkiDate } from '@kohtaamo/shared/time/helsinki';
import { currentWorkspace, serverContext } from '#lib/server/context.ts';
import { directoryFilterNames, directoryFilterOptions } from '#lib/directory-filter-options.ts';
import { orHttpError } from '#lib/server/errors.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZES = [25, 50, 100];
const DEFAULT_PAGE_SIZE = 50;
const FILTERS = [...directoryFilterNames, 'openFollowUps', 'archived', 'sort'];

export const load: PageServerLoad = async ({ url, locals }) => {
  const { db } = serverContext();
  const workspace = await orHttpError(currentWorkspace(locals));
  const params = Object.fromEntries(FILTERS.map((name) => [name, url.searchParams.get(name) ?? '']));
  const { size: _size, ...filter } = params;
  const cursor = url.searchParams.get('cursor') ?? undefined;
  const size = Number(url.searchParams.get('size'));
  const limit = PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE;
  const page = await orHttpError(searchDirectory(db, workspace.id, filter, { cursor, limit }));
  const kinds = partnerKindsOf(workspace);
  return {
    filter: params,
    associations: page.entries.map((a) => ({
      id: a.id,
      name: a.name,
      frame: a.frame,
      /** A partner's kind, shown where an association's frame is. */
      kindName: isPartner(a) ? partnerKindLabel(kinds, organisationKindOf(a), locals.locale) : undefined,
      municipalities: a.municipalities,
      stage: a.stage !== undefined ? stageLabel(workspace.stages, a.stage, locals.locale) : '–',
      lastContactAt: a.lastContactAt,
      nextFollowUpDue: a.nextFollowUpDue,
      /** The next follow-up's date has passed (the directory highlights it). */
      overdue: a.nextFollowUpDue !== undefined && a.nextFollowUpDue < helsinkiDate(db.now()),
    })),
    total: page.total,
    next: page.cursor,
    isFirstPage: cursor === undefined,
    options: directoryFilterOptions(workspace, locals.locale),
  };
};
